package dev.orderflow.billing.payments.web;

import dev.orderflow.platform.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A charge that was refused, as a problem with its {@code reason} and {@code orderId}, and {@code Idempotent-Replayed}
 * saying whether this is the first outcome repeated: a retry answers as the first request did, status code included.
 */
@RestControllerAdvice(assignableTypes = PaymentController.class)
class PaymentProblems {

    /** Whether the answer repeats the outcome of an earlier request for the same order. */
    static final String REPLAYED = "Idempotent-Replayed";

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(PaymentController.ChargeRefused e) {
        ProblemDetail problem = Problems.of(e.status, e.title, e.getMessage());
        problem.setProperty("reason", e.reason);
        problem.setProperty("orderId", e.outcome.charge().orderId());
        return ResponseEntity.status(e.status)
                .headers(Problems.respond(problem).getHeaders())
                .header(REPLAYED, String.valueOf(e.outcome.replayed()))
                .body(problem);
    }
}
