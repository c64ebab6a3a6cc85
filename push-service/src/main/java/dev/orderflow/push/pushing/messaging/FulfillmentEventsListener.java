package dev.orderflow.push.pushing.messaging;

import dev.orderflow.events.CustomEvent;
import dev.orderflow.events.CustomerMessages;
import dev.orderflow.events.FulfillmentEvent;
import dev.orderflow.events.OrderDispatched;
import dev.orderflow.platform.inbox.Inbox;
import dev.orderflow.push.pushing.PushManagement;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Pushes every dispatched order to the customer's devices; each event once, however often it is delivered. */
@Component
class FulfillmentEventsListener {

    private final PushManagement pushes;
    private final Inbox inbox;

    FulfillmentEventsListener(PushManagement pushes, Inbox inbox) {
        this.pushes = pushes;
        this.inbox = inbox;
    }

    @KafkaListener(topics = FulfillmentEvent.TOPIC, batch = "true")
    void on(List<ConsumerRecord<String, FulfillmentEvent>> records) {
        inbox.receive(records, this::on);
    }

    private void on(FulfillmentEvent event, String eventId) {
        switch (event) {
            case OrderDispatched dispatched ->
                pushes.pushToDevices(
                        eventId, dispatched.customerId(), "OrderDispatched", CustomerMessages.of(dispatched));
            case CustomEvent custom -> {
                // custom events on the bus are for fulfillment-service's rules; they concern no customer's devices
            }
        }
    }
}
