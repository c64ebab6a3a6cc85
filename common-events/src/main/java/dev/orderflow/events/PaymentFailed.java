package dev.orderflow.events;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An order could not be charged. {@code reason} is one of the constants below; it is a string on the wire so that a
 * reason added later does not break consumers that do not know it yet.
 */
public record PaymentFailed(
        UUID orderId,
        String customerId,
        BigDecimal amount,
        String reason,
        @Nullable String currency) implements PaymentEvent {

    public static final String INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS";
    public static final String ACCOUNT_NOT_FOUND = "ACCOUNT_NOT_FOUND";

    public PaymentFailed {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
