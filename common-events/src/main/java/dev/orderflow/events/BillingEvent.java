package dev.orderflow.events;

/** The events on the {@value #TOPIC} topic: requests for billing-service to act on. */
public sealed interface BillingEvent extends Event permits OrderCreated, DepositRequested {

    String TOPIC = "billing";

    @Override
    default String topic() {
        return TOPIC;
    }
}
