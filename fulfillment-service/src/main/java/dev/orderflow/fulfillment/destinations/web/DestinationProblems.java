package dev.orderflow.fulfillment.destinations.web;

import dev.orderflow.fulfillment.destinations.DestinationException;
import dev.orderflow.platform.web.ProblemDetailsAdvice;
import dev.orderflow.platform.web.ProblemDetailsAdvice.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A {@link DestinationException} as a problem: 400 with field errors, 404, 409, or 503 without a secret key. */
@RestControllerAdvice(assignableTypes = DestinationController.class)
class DestinationProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(DestinationException e) {
        ProblemDetail problem =
                switch (e.kind()) {
                    case INVALID ->
                        ProblemDetailsAdvice.invalid(e.problems().stream()
                                .map(p -> new FieldProblem(p.field(), p.message()))
                                .toList());
                    case NOT_FOUND -> ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
                    case CONFLICT -> ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
                    case UNAVAILABLE -> ProblemDetailsAdvice.unavailable(e.getMessage());
                };
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
