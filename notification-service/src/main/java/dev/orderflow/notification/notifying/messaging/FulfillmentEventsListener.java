package dev.orderflow.notification.notifying.messaging;

import dev.orderflow.events.FulfillmentEvent;
import dev.orderflow.notification.notifying.NotificationManagement;
import dev.orderflow.platform.inbox.Inbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Tells the customer that their order was dispatched; each event once, however often it is delivered. What the
 * customer is told is {@link NotificationManagement}'s to decide, as for payment outcomes ({@link
 * PaymentEventsListener}); this listener is its own class only because that one is off in the HTTP interaction style.
 */
@Component
class FulfillmentEventsListener {

    private final NotificationManagement notifications;
    private final Inbox inbox;

    FulfillmentEventsListener(NotificationManagement notifications, Inbox inbox) {
        this.notifications = notifications;
        this.inbox = inbox;
    }

    @KafkaListener(topics = FulfillmentEvent.TOPIC, batch = "true")
    void on(List<ConsumerRecord<String, FulfillmentEvent>> records) {
        inbox.receive(records, notifications::notifyOf);
    }
}
