package dev.orderflow.auth.devtokens;

import dev.orderflow.platform.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A dev-token request that is neither a customer's nor an operator's: a {@code 400} saying what to send. */
@RestControllerAdvice(assignableTypes = DevTokenController.class)
class DevTokenProblems {

    @ExceptionHandler
    ProblemDetail eitherCustomerOrAdmin(DevTokenController.EitherCustomerOrAdmin e) {
        return Problems.badRequest("Invalid request", "Send either {\"customerId\": \"...\"} or {\"admin\": true}.");
    }
}
