package dev.orderflow.order.ordering;

import dev.orderflow.platform.outbox.Outbox;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The write of new orders, a fragment of {@link Orders}. */
interface NewOrders {

    /**
     * A new order and, when there is one, the event that asks for its payment, prepared on the thread of the request
     * that placed it (so that the event carries that request's trace context).
     */
    record NewOrder(Order order, Outbox.@Nullable Prepared paymentRequest) {}

    /**
     * Stores new orders, each with its lines and its event, in one statement per order, sent to the database in one
     * batch: one round trip however many orders and lines, and no flush of the entity on commit. An order whose
     * idempotency key is taken fails the batch with a data-integrity error, and the caller's transaction with it.
     */
    void insertAll(List<NewOrder> orders);
}
