package dev.orderflow.order.ordering.web;

import dev.orderflow.order.ordering.IdempotencyKeyReusedException;
import dev.orderflow.order.ordering.InvalidOrderException;
import dev.orderflow.order.ordering.OrderNotFoundException;
import dev.orderflow.order.ordering.PaymentUnavailableException;
import dev.orderflow.platform.web.FieldProblem;
import dev.orderflow.platform.web.Problems;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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

    /**
     * Billing did not answer (HTTP interaction styles). Either nothing was stored (its circuit breaker is open), or the
     * order is kept pending and settled as soon as billing answers: the problem says which, and gives the order's
     * location, so that a client neither loses the order nor places it twice.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> paymentUnavailable(PaymentUnavailableException e) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Payment unavailable", null);
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5");
        if (e.orderId() == null) {
            problem.setDetail("Billing is unavailable; the order was not taken. Try again later.");
        } else {
            URI location = URI.create("/orders/" + e.orderId());
            problem.setDetail("Billing did not confirm the payment in time. Order " + e.orderId()
                    + " is kept PENDING and is charged once billing answers; follow it at " + location
                    + ", or repeat this request with the same Idempotency-Key.");
            problem.setProperty("orderId", e.orderId());
            problem.setProperty("orderStatus", "PENDING");
            response.location(location);
        }
        return response.body(problem);
    }

    @ExceptionHandler
    ProblemDetail keyReused(IdempotencyKeyReusedException e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", e.getMessage());
    }
}
