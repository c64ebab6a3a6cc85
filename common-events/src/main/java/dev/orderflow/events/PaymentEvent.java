package dev.orderflow.events;

/** The events on the {@value #TOPIC} topic: what billing-service did with an order or a deposit. */
public sealed interface PaymentEvent extends Event permits OrderPaid, PaymentFailed, DepositAccepted {

    String TOPIC = "payment";

    @Override
    default String topic() {
        return TOPIC;
    }
}
