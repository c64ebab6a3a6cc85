package dev.orderflow.notification.notifying.messaging;

import dev.orderflow.events.PaymentEvent;
import dev.orderflow.notification.notifying.NotificationManagement;
import dev.orderflow.platform.inbox.Inbox;
import dev.orderflow.platform.interaction.ConditionalOnInteraction;
import dev.orderflow.platform.interaction.Interaction;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Tells the customer about every payment outcome; each event once, however often it is delivered. Off in the HTTP
 * interaction style, where billing tells this service over HTTP instead ({@code PaymentEventsEndpoint}).
 */
@Component
@ConditionalOnInteraction({Interaction.EVENTS, Interaction.MIXED})
class PaymentEventsListener {

    private final NotificationManagement notifications;
    private final Inbox inbox;

    PaymentEventsListener(NotificationManagement notifications, Inbox inbox) {
        this.notifications = notifications;
        this.inbox = inbox;
    }

    @KafkaListener(topics = PaymentEvent.TOPIC, batch = "true")
    void on(List<ConsumerRecord<String, PaymentEvent>> records) {
        inbox.receive(records, notifications::notifyOf);
    }
}
