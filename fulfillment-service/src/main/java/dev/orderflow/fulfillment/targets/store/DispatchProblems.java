package dev.orderflow.fulfillment.targets.store;

import dev.orderflow.platform.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An order that store-and-dispatch has not stored: a {@code 404}. */
@RestControllerAdvice(assignableTypes = DispatchController.class)
class DispatchProblems {

    @ExceptionHandler
    ProblemDetail notFound(DispatchController.DispatchNotFound e) {
        return Problems.notFound("Dispatch not found", e.getMessage());
    }
}
