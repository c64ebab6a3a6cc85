package dev.orderflow.billing.notifying;

import dev.orderflow.events.CloudEvent;

/**
 * The port through which billing has notification-service tell the customer about an outcome it published; the
 * interaction style picks the adapter. The outcome is on {@code payment} through the outbox in every style (order,
 * push and fulfilment services read it there); only how notification-service hears of it changes.
 */
public interface CustomerNotifications {

    /** The outcome just put in the outbox; runs in that transaction, so the notification commits with the outcome. */
    void tell(CloudEvent outcome);
}
