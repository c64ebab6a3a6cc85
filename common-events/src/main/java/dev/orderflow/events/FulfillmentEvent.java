package dev.orderflow.events;

/**
 * The events on the {@value #TOPIC} topic: what fulfillment-service did with a paid order, and the custom events put on
 * its bus through {@code POST /events}.
 */
public sealed interface FulfillmentEvent extends Event permits OrderDispatched, CustomEvent {

    String TOPIC = "fulfillment";

    @Override
    default String topic() {
        return TOPIC;
    }
}
