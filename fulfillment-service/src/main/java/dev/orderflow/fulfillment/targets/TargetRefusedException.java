package dev.orderflow.fulfillment.targets;

/** A target refused a delivery for good (e.g. the event lacks what the target needs, or an HTTP 400): no retry. */
public class TargetRefusedException extends RuntimeException {

    public TargetRefusedException(String message) {
        super(message);
    }

    public TargetRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
