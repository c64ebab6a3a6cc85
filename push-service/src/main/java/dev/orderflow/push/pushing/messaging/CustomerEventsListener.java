package dev.orderflow.push.pushing.messaging;

import dev.orderflow.events.CustomEvent;
import dev.orderflow.events.CustomerMessages;
import dev.orderflow.events.DepositAccepted;
import dev.orderflow.events.Event;
import dev.orderflow.events.FulfillmentEvent;
import dev.orderflow.events.OrderDispatched;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentEvent;
import dev.orderflow.events.PaymentFailed;
import dev.orderflow.platform.inbox.Inbox;
import dev.orderflow.push.pushing.PushManagement;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Pushes what becomes of every order to the customer's devices: its payment's outcome and its dispatch; each event
 * once, however often it is delivered. A listener container per topic, each switching over its topic's events.
 */
@Component
class CustomerEventsListener {

    private final PushManagement pushes;
    private final Inbox inbox;

    CustomerEventsListener(PushManagement pushes, Inbox inbox) {
        this.pushes = pushes;
        this.inbox = inbox;
    }

    @KafkaListener(topics = PaymentEvent.TOPIC, batch = "true")
    void onPayment(List<ConsumerRecord<String, PaymentEvent>> records) {
        inbox.receive(records, this::on);
    }

    @KafkaListener(topics = FulfillmentEvent.TOPIC, batch = "true")
    void onFulfillment(List<ConsumerRecord<String, FulfillmentEvent>> records) {
        inbox.receive(records, this::on);
    }

    private void on(PaymentEvent event, String eventId) {
        switch (event) {
            case OrderPaid paid -> push(eventId, paid, "OrderPaid", CustomerMessages.of(paid));
            case PaymentFailed failed -> push(eventId, failed, "PaymentFailed", CustomerMessages.of(failed));
            case DepositAccepted deposit -> {
                // deposits are not pushed; customers read about them in notifications
            }
        }
    }

    private void on(FulfillmentEvent event, String eventId) {
        switch (event) {
            case OrderDispatched dispatched ->
                push(eventId, dispatched, "OrderDispatched", CustomerMessages.of(dispatched));
            case CustomEvent custom -> {
                // custom events on the bus are for fulfillment-service's rules; they concern no customer's devices
            }
        }
    }

    private void push(String eventId, Event event, String eventType, String message) {
        pushes.pushToDevices(eventId, event.customerId(), eventType, message);
    }
}
