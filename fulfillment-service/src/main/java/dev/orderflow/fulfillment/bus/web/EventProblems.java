package dev.orderflow.fulfillment.bus.web;

import dev.orderflow.platform.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A PutEvents request without 1 to 10 entries: a {@code 400} on {@code entries}. */
@RestControllerAdvice(assignableTypes = EventController.class)
class EventProblems {

    @ExceptionHandler
    ProblemDetail invalid(EventController.InvalidRequest e) {
        return Problems.invalid("entries", e.getMessage());
    }
}
