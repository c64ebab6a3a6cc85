package dev.orderflow.order.ordering;

import dev.orderflow.events.OrderCreated;
import java.util.Optional;

/**
 * How an order's payment is asked for; the interaction style picks the adapter. Through Kafka (style III) the order's
 * {@code OrderCreated} goes to billing with the order and the outcome comes back later as an event; over HTTP (styles
 * I and II) billing charges the order while {@code POST /orders} waits.
 */
public interface Payments {

    /**
     * Refuses early, before an order is stored, when this style already knows that billing cannot be asked (its
     * circuit breaker is open): then nothing is kept and the client may simply try again later.
     *
     * @throws PaymentUnavailableException without an order id
     */
    default void checkAvailable() {}

    /**
     * The event that asks for the new order's payment, stored with the order in its statement; empty when this style
     * asks otherwise ({@link #settle}).
     */
    Optional<OrderCreated> paymentRequest(Order order);

    /**
     * Settles a stored, pending order now, if this style can: the payment's outcome, or empty when it will arrive as
     * an event. Safe to repeat for the same order: billing charges an order once.
     *
     * @throws PaymentUnavailableException when billing could not be asked or did not answer; whether the order was
     *     charged is then unknown, and the order stays pending
     */
    Optional<PaymentOutcome> settle(Order order);
}
