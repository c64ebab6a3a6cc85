package dev.orderflow.billing.payments;

/** How a charge ended. */
public enum ChargeStatus {
    PAID,
    FAILED
}
