package dev.orderflow.push.pushing.messaging;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.CustomerMessages;
import dev.orderflow.events.DepositAccepted;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentEvent;
import dev.orderflow.events.PaymentFailed;
import dev.orderflow.platform.inbox.ProcessedEvents;
import dev.orderflow.push.pushing.PushManagement;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/** Pushes every order's payment outcome to the customer's devices; each event once, however often it is delivered. */
@Component
class PaymentEventsListener {

    private final PushManagement pushes;
    private final ProcessedEvents processedEvents;

    PaymentEventsListener(PushManagement pushes, ProcessedEvents processedEvents) {
        this.pushes = pushes;
        this.processedEvents = processedEvents;
    }

    @KafkaListener(topics = PaymentEvent.TOPIC)
    void on(PaymentEvent event, @Header(CloudEventHeaders.ID) String eventId) {
        switch (event) {
            case OrderPaid paid ->
                processedEvents.once(
                        eventId,
                        () -> pushes.pushToDevices(eventId, paid.customerId(), "OrderPaid", CustomerMessages.of(paid)));
            case PaymentFailed failed ->
                processedEvents.once(
                        eventId,
                        () -> pushes.pushToDevices(
                                eventId, failed.customerId(), "PaymentFailed", CustomerMessages.of(failed)));
            case DepositAccepted deposit -> {
                // deposits are not pushed; customers read about them in notifications
            }
        }
    }
}
