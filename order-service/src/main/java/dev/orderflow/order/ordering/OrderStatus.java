package dev.orderflow.order.ordering;

/**
 * Where an order is in its life: placed and waiting for billing, then paid or not, then dispatched once paid. Each
 * status but the first is reached from exactly one other, {@link #from()}; {@link Orders#move} checks that rule in
 * the {@code where} clause of the statement that moves an order, so that a redelivered or late event cannot move an
 * order twice or backwards, however deliveries race.
 */
public enum OrderStatus {
    PENDING,
    PAID,
    PAYMENT_FAILED,
    DISPATCHED;

    /** The status an order must have to move to this one; {@code null} for {@link #PENDING}, where orders start. */
    public OrderStatus from() {
        return switch (this) {
            case PENDING -> null;
            case PAID, PAYMENT_FAILED -> PENDING;
            case DISPATCHED -> PAID;
        };
    }

    /** Whether an order with this status may move to {@code next}. */
    public boolean canMoveTo(OrderStatus next) {
        return next.from() == this;
    }
}
