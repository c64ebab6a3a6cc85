package dev.orderflow.order.ordering;

import java.util.UUID;

/**
 * Billing could not be asked to charge an order, or did not answer in time. With an {@link #orderId()}, the order is
 * stored and pending, it is unknown whether billing charged it, and it is settled later by asking again with the same
 * order id; without one, the order was refused before anything was stored.
 */
public class PaymentUnavailableException extends RuntimeException {

    private final UUID orderId;

    public PaymentUnavailableException(UUID orderId, String message, Throwable cause) {
        super(message, cause);
        this.orderId = orderId;
    }

    /** Billing is known to be unavailable: the order was not stored. */
    public static PaymentUnavailableException refused(String message) {
        return new PaymentUnavailableException(null, message, null);
    }

    /** The pending order that was stored, or {@code null} when none was. */
    public UUID orderId() {
        return orderId;
    }
}
