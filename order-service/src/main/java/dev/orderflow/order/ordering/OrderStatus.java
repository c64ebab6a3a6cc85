package dev.orderflow.order.ordering;

/** Where an order is in its life: placed and waiting for billing, then paid or not. */
public enum OrderStatus {
    PENDING,
    PAID,
    PAYMENT_FAILED
}
