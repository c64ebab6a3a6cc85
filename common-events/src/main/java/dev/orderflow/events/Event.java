package dev.orderflow.events;

import org.jspecify.annotations.Nullable;

/**
 * An event on one of orderflow's topics. The sealed hierarchy is the type registry: every permitted record is a
 * type on the wire (see {@link EventTypes}), and a consumer's {@code switch} over its topic's interface is exhaustive.
 */
public sealed interface Event permits BillingEvent, PaymentEvent, FulfillmentEvent {

    /**
     * The customer the event concerns; the record key, so that one customer's events stay in order. {@code null} for an
     * event that concerns no customer, which is keyed by its event id.
     */
    @Nullable
    String customerId();

    /**
     * What the event is about (an order or deposit id); travels as the CloudEvents {@code subject}, which is left out
     * when this is {@code null}.
     */
    @Nullable
    String subject();

    /** The topic this event is published to. */
    String topic();
}
