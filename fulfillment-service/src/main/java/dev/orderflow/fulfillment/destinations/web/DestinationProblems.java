package dev.orderflow.fulfillment.destinations.web;

import dev.orderflow.fulfillment.destinations.DestinationException;
import dev.orderflow.platform.web.FieldProblem;
import dev.orderflow.platform.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A {@link DestinationException} as a problem: 400 with field errors, 404, 409, or 503 without a secret key. */
@RestControllerAdvice(assignableTypes = DestinationController.class)
class DestinationProblems {

    @ExceptionHandler
    ProblemDetail on(DestinationException e) {
        return switch (e.kind()) {
            case INVALID ->
                Problems.invalid(e.problems().stream()
                        .map(p -> new FieldProblem(p.field(), p.message()))
                        .toList());
            case NOT_FOUND -> Problems.notFound("Not Found", e.getMessage());
            case CONFLICT -> Problems.conflict("Conflict", e.getMessage());
            case UNAVAILABLE -> Problems.unavailable(e.getMessage());
        };
    }
}
