package dev.orderflow.notification.notifying.messaging;

import dev.orderflow.events.CustomerMessages;
import dev.orderflow.events.DepositAccepted;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentEvent;
import dev.orderflow.events.PaymentFailed;
import dev.orderflow.notification.notifying.NotificationManagement;
import dev.orderflow.notification.notifying.NotificationType;
import dev.orderflow.platform.inbox.Inbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Tells the customer about every payment outcome; each event once, however often it is delivered. */
@Component
class PaymentEventsListener {

    private final NotificationManagement notifications;
    private final Inbox inbox;

    PaymentEventsListener(NotificationManagement notifications, Inbox inbox) {
        this.notifications = notifications;
        this.inbox = inbox;
    }

    @KafkaListener(topics = PaymentEvent.TOPIC, batch = "true")
    void on(List<ConsumerRecord<String, PaymentEvent>> records) {
        inbox.receive(records, this::on);
    }

    private void on(PaymentEvent event, String eventId) {
        switch (event) {
            case DepositAccepted accepted ->
                notify(
                        eventId,
                        accepted.customerId(),
                        NotificationType.DEPOSIT_ACCEPTED,
                        CustomerMessages.of(accepted));
            case OrderPaid paid ->
                notify(eventId, paid.customerId(), NotificationType.ORDER_PAID, CustomerMessages.of(paid));
            case PaymentFailed failed ->
                notify(eventId, failed.customerId(), NotificationType.PAYMENT_FAILED, CustomerMessages.of(failed));
        }
    }

    private void notify(String eventId, String customerId, NotificationType type, String message) {
        notifications.notifyOf(eventId, customerId, type, message);
    }
}
