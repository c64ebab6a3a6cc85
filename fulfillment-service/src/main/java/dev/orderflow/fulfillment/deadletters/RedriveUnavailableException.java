package dev.orderflow.fulfillment.deadletters;

import dev.orderflow.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A redrive that needs the redrive principal's Kafka credentials, which this instance was not given: a {@code 503}. */
class RedriveUnavailableException extends ErrorResponseException {

    RedriveUnavailableException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, Problems.unavailable(detail), null);
    }
}
