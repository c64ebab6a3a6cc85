package dev.orderflow.push.pushing.messaging;

import dev.orderflow.events.CustomerMessages;
import dev.orderflow.events.DepositAccepted;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentEvent;
import dev.orderflow.events.PaymentFailed;
import dev.orderflow.platform.inbox.Inbox;
import dev.orderflow.push.pushing.PushManagement;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Pushes every order's payment outcome to the customer's devices; each event once, however often it is delivered. */
@Component
class PaymentEventsListener {

    private final PushManagement pushes;
    private final Inbox inbox;

    PaymentEventsListener(PushManagement pushes, Inbox inbox) {
        this.pushes = pushes;
        this.inbox = inbox;
    }

    @KafkaListener(topics = PaymentEvent.TOPIC, batch = "true")
    void on(List<ConsumerRecord<String, PaymentEvent>> records) {
        inbox.receive(records, this::on);
    }

    private void on(PaymentEvent event, String eventId) {
        switch (event) {
            case OrderPaid paid ->
                pushes.pushToDevices(eventId, paid.customerId(), "OrderPaid", CustomerMessages.of(paid));
            case PaymentFailed failed ->
                pushes.pushToDevices(eventId, failed.customerId(), "PaymentFailed", CustomerMessages.of(failed));
            case DepositAccepted deposit -> {
                // deposits are not pushed; customers read about them in notifications
            }
        }
    }
}
