package dev.orderflow.order.ordering.messaging;

import dev.orderflow.events.CustomEvent;
import dev.orderflow.events.FulfillmentEvent;
import dev.orderflow.events.OrderDispatched;
import dev.orderflow.order.ordering.OrderManagement;
import dev.orderflow.platform.inbox.Inbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Marks paid orders dispatched when fulfilment reports it; each event once, however often it is delivered. */
@Component
class FulfillmentEventsListener {

    private final OrderManagement orders;
    private final Inbox inbox;

    FulfillmentEventsListener(OrderManagement orders, Inbox inbox) {
        this.orders = orders;
        this.inbox = inbox;
    }

    @KafkaListener(topics = FulfillmentEvent.TOPIC, batch = "true")
    void on(List<ConsumerRecord<String, FulfillmentEvent>> records) {
        inbox.receive(records, (event, eventId) -> on(event));
    }

    private void on(FulfillmentEvent event) {
        switch (event) {
            case OrderDispatched dispatched -> orders.markDispatched(dispatched.orderId());
            case CustomEvent custom -> {
                // the bus's custom events are for fulfilment's rules, not for orders
            }
        }
    }
}
