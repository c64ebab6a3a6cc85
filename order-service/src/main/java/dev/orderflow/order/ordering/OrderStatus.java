package dev.orderflow.order.ordering;

import java.util.Set;

/**
 * Where an order is in its life: placed and waiting for billing, then paid or not, then dispatched once paid. Each
 * status but the first is reached only from the statuses {@link #from()} names; {@link Orders#move} checks that rule
 * in the {@code where} clause of the statement that moves an order, so that a redelivered or late event cannot move an
 * order twice or backwards, however deliveries race.
 */
public enum OrderStatus {
    PENDING,
    PAID,
    PAYMENT_FAILED,
    DISPATCHED;

    /** The statuses an order may have to move to this one; none for {@link #PENDING}, where orders start. */
    public Set<OrderStatus> from() {
        return switch (this) {
            case PENDING -> Set.of();
            case PAID, PAYMENT_FAILED -> Set.of(PENDING);
            // OrderDispatched is published only for a paid order, but on another topic than OrderPaid, so it can
            // overtake it (a lagging payment consumer): it proves the payment, and the late OrderPaid then finds
            // the order no longer PENDING and changes nothing.
            case DISPATCHED -> Set.of(PENDING, PAID);
        };
    }

    /** Whether an order with this status may move to {@code next}. */
    public boolean canMoveTo(OrderStatus next) {
        return next.from().contains(this);
    }
}
