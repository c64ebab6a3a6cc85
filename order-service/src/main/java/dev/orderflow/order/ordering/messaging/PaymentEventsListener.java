package dev.orderflow.order.ordering.messaging;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.DepositAccepted;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentEvent;
import dev.orderflow.events.PaymentFailed;
import dev.orderflow.order.ordering.OrderManagement;
import dev.orderflow.platform.inbox.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/** Settles orders when billing reports a payment's outcome; each event once, however often it is delivered. */
@Component
class PaymentEventsListener {

    private final OrderManagement orders;
    private final ProcessedEvents processedEvents;

    PaymentEventsListener(OrderManagement orders, ProcessedEvents processedEvents) {
        this.orders = orders;
        this.processedEvents = processedEvents;
    }

    @KafkaListener(topics = PaymentEvent.TOPIC)
    void on(PaymentEvent event, @Header(CloudEventHeaders.ID) String eventId) {
        switch (event) {
            case OrderPaid paid -> processedEvents.once(eventId, () -> orders.markPaid(paid.orderId()));
            case PaymentFailed failed ->
                processedEvents.once(eventId, () -> orders.markPaymentFailed(failed.orderId(), failed.reason()));
            case DepositAccepted deposit -> {
                // deposits concern billing and notifications, not orders
            }
        }
    }
}
