package dev.orderflow.fulfillment.workflow.web;

import dev.orderflow.platform.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The executions' refusals as problems: no order id to look for (400), an unknown execution (404). */
@RestControllerAdvice(assignableTypes = WorkflowController.class)
class WorkflowProblems {

    @ExceptionHandler
    ProblemDetail orderIdRequired(WorkflowController.OrderIdRequired e) {
        return Problems.invalid("orderId", "is required");
    }

    @ExceptionHandler
    ProblemDetail notFound(WorkflowController.ExecutionNotFound e) {
        return Problems.notFound("Execution not found", e.getMessage());
    }
}
