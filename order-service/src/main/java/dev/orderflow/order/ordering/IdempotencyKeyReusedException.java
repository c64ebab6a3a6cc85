package dev.orderflow.order.ordering;

/** An Idempotency-Key that was first used for a different request. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different order request");
    }
}
