package dev.orderflow.fulfillment.delivery;

/** Where a delivery stands: due (now or after a failed attempt), delivered, or given up. */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED
}
