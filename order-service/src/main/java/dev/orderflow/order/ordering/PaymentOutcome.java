package dev.orderflow.order.ordering;

import org.jspecify.annotations.Nullable;

/**
 * How billing answered for an order: paid, or failed with the reason ({@code INSUFFICIENT_FUNDS},
 * {@code ACCOUNT_NOT_FOUND}, ...).
 */
public record PaymentOutcome(boolean paid, @Nullable String failureReason) {

    public static PaymentOutcome wasPaid() {
        return new PaymentOutcome(true, null);
    }

    public static PaymentOutcome failed(String reason) {
        return new PaymentOutcome(false, reason);
    }
}
