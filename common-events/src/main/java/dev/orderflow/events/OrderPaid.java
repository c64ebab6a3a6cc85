package dev.orderflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An order's total was charged; {@code balance} is the account's balance after the charge. {@code location} and
 * {@code items} are the order's, copied from the {@link OrderCreated} that was charged, so that fulfilment rules can
 * route on them; they were added as optional fields (still {@code .v1}): absent in older events and in payments made
 * through billing's {@code POST /payments} without them.
 */
public record OrderPaid(
        UUID orderId,
        String customerId,
        BigDecimal amount,
        BigDecimal balance,
        @Nullable String currency,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String location,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<OrderCreated.Item> items)
        implements PaymentEvent {

    public OrderPaid {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(balance, "balance");
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** A payment that names no order details. */
    public OrderPaid(
            UUID orderId, String customerId, BigDecimal amount, BigDecimal balance, @Nullable String currency) {
        this(orderId, customerId, amount, balance, currency, null, List.of());
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
