package dev.orderflow.notification.notifying.messaging;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.CustomerMessages;
import dev.orderflow.events.DepositAccepted;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentEvent;
import dev.orderflow.events.PaymentFailed;
import dev.orderflow.notification.notifying.NotificationManagement;
import dev.orderflow.notification.notifying.NotificationType;
import dev.orderflow.platform.inbox.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/** Tells the customer about every payment outcome; each event once, however often it is delivered. */
@Component
class PaymentEventsListener {

    private final NotificationManagement notifications;
    private final ProcessedEvents processedEvents;

    PaymentEventsListener(NotificationManagement notifications, ProcessedEvents processedEvents) {
        this.notifications = notifications;
        this.processedEvents = processedEvents;
    }

    @KafkaListener(topics = PaymentEvent.TOPIC)
    void on(PaymentEvent event, @Header(CloudEventHeaders.ID) String eventId) {
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
        processedEvents.once(eventId, () -> notifications.notifyOf(eventId, customerId, type, message));
    }
}
