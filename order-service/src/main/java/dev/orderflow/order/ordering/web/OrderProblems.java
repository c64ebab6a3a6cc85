package dev.orderflow.order.ordering.web;

import dev.orderflow.order.ordering.IdempotencyKeyReusedException;
import dev.orderflow.order.ordering.InvalidOrderException;
import dev.orderflow.order.ordering.OrderNotFoundException;
import dev.orderflow.platform.web.FieldProblem;
import dev.orderflow.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The ordering rules' refusals as problems: every broken rule of an order at once, an unknown order, a reused key. */
@RestControllerAdvice
class OrderProblems {

    @ExceptionHandler
    ProblemDetail invalid(InvalidOrderException e) {
        return Problems.invalid(
                e.problems().stream().map(OrderProblems::fieldProblem).toList());
    }

    /** A broken rule of one line of the order, or of the whole order, as the field it is about. */
    static FieldProblem fieldProblem(InvalidOrderException.LineProblem problem) {
        return new FieldProblem(
                problem.line() < 0 ? problem.field() : "items[" + problem.line() + "]." + problem.field(),
                problem.message());
    }

    @ExceptionHandler
    ProblemDetail notFound(OrderNotFoundException e) {
        return Problems.notFound("Order not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail keyReused(IdempotencyKeyReusedException e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", e.getMessage());
    }
}
