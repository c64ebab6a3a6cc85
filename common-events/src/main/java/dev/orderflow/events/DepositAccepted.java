package dev.orderflow.events;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A deposit was applied; {@code balance} is the account's balance after it. */
public record DepositAccepted(
        UUID depositId,
        String customerId,
        BigDecimal amount,
        BigDecimal balance,
        @Nullable String currency) implements PaymentEvent {

    public DepositAccepted {
        Objects.requireNonNull(depositId, "depositId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(balance, "balance");
    }

    @Override
    public String subject() {
        return depositId.toString();
    }
}
