package dev.orderflow.order.ordering;

import dev.orderflow.events.OrderCreated;
import java.util.Optional;

/** The write of a new order, a fragment of {@link Orders}. */
interface NewOrders {

    /**
     * Stores a new order with its lines and, when there is one, the event that asks for its payment, in one statement:
     * one round trip instead of one per table, and no flush of the entity on commit. A second order with the same
     * idempotency key fails here with a data-integrity error, and nothing of it is written.
     */
    void insert(Order order, Optional<OrderCreated> paymentRequest);
}
