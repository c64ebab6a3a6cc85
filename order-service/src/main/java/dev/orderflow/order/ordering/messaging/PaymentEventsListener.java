package dev.orderflow.order.ordering.messaging;

import dev.orderflow.events.DepositAccepted;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentEvent;
import dev.orderflow.events.PaymentFailed;
import dev.orderflow.order.ordering.OrderManagement;
import dev.orderflow.platform.inbox.Inbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Settles orders when billing reports a payment's outcome; each event once, however often it is delivered. */
@Component
class PaymentEventsListener {

    private final OrderManagement orders;
    private final Inbox inbox;

    PaymentEventsListener(OrderManagement orders, Inbox inbox) {
        this.orders = orders;
        this.inbox = inbox;
    }

    @KafkaListener(topics = PaymentEvent.TOPIC, batch = "true")
    void on(List<ConsumerRecord<String, PaymentEvent>> records) {
        inbox.receive(records, (event, eventId) -> on(event));
    }

    private void on(PaymentEvent event) {
        switch (event) {
            case OrderPaid paid -> orders.markPaid(paid.orderId());
            case PaymentFailed failed -> orders.markPaymentFailed(failed.orderId(), failed.reason());
            case DepositAccepted deposit -> {
                // deposits concern billing and notifications, not orders
            }
        }
    }
}
