package dev.orderflow.events;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/** A customer asked to add money to their account; billing-service applies it once. */
public record DepositRequested(UUID depositId, String customerId, BigDecimal amount, String currency)
        implements BillingEvent {

    public DepositRequested {
        Objects.requireNonNull(depositId, "depositId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    @Override
    public String subject() {
        return depositId.toString();
    }
}
