package dev.orderflow.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A paid order was stored for fulfilment and handed to its route, once per order.
 *
 * @param route how it leaves, e.g. the name of the rule or warehouse that took it
 */
public record OrderDispatched(
        UUID orderId, String customerId, @Nullable String location, String route, Instant dispatchedAt)
        implements FulfillmentEvent {

    public OrderDispatched {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(dispatchedAt, "dispatchedAt");
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
