package dev.orderflow.notification.notifying.messaging;

import dev.orderflow.events.CustomEvent;
import dev.orderflow.events.CustomerMessages;
import dev.orderflow.events.FulfillmentEvent;
import dev.orderflow.events.OrderDispatched;
import dev.orderflow.notification.notifying.NotificationManagement;
import dev.orderflow.notification.notifying.NotificationType;
import dev.orderflow.platform.inbox.Inbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Tells the customer that their order was dispatched; each event once, however often it is delivered. */
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
        inbox.receive(records, this::on);
    }

    private void on(FulfillmentEvent event, String eventId) {
        switch (event) {
            case OrderDispatched dispatched ->
                notifications.notifyOf(
                        eventId,
                        dispatched.customerId(),
                        NotificationType.ORDER_DISPATCHED,
                        CustomerMessages.of(dispatched));
            case CustomEvent custom -> {
                // custom events on the bus are for fulfillment-service's rules; they tell no customer anything
            }
        }
    }
}
