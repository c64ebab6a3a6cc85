package dev.orderflow.fulfillment.deadletters;

import dev.orderflow.platform.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A dead-letter request that names no known topic or breaks a rule of its fields: a {@code 400} naming the field. */
@RestControllerAdvice(assignableTypes = DeadLetterController.class)
class DeadLetterProblems {

    @ExceptionHandler
    ProblemDetail invalid(DeadLetterController.InvalidField e) {
        return Problems.invalid(e.field(), e.problem());
    }
}
