package dev.orderflow.events;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/** An order's total was charged; {@code balance} is the account's balance after the charge. */
public record OrderPaid(UUID orderId, String customerId, BigDecimal amount, BigDecimal balance, String currency)
        implements PaymentEvent {

    public OrderPaid {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(balance, "balance");
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
