package dev.orderflow.fulfillment.bus.messaging;

import dev.orderflow.events.BillingEvent;
import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.Event;
import dev.orderflow.events.FulfillmentEvent;
import dev.orderflow.events.KafkaCloudEvents;
import dev.orderflow.events.PaymentEvent;
import dev.orderflow.fulfillment.bus.BusWatcher;
import dev.orderflow.fulfillment.bus.Router;
import dev.orderflow.platform.inbox.Inbox;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Puts every event of {@code billing}, {@code payment} and {@code fulfillment} on the bus: each poll through the
 * inbox (one transaction, each event once however often Kafka delivers it), each event routed to its rules' targets.
 */
@Component
class BusListener {

    private final Router router;
    private final Inbox inbox;
    private final List<BusWatcher> watchers;

    BusListener(Router router, Inbox inbox, List<BusWatcher> watchers) {
        this.router = router;
        this.inbox = inbox;
        this.watchers = List.copyOf(watchers);
    }

    @KafkaListener(
            topics = {BillingEvent.TOPIC, PaymentEvent.TOPIC, FulfillmentEvent.TOPIC},
            batch = "true")
    void on(List<ConsumerRecord<String, Event>> records) {
        // the inbox hands over the event and its id; the envelope also needs the record's other CloudEvents headers
        Map<String, Headers> headers = new HashMap<>();
        for (ConsumerRecord<String, Event> record : records) {
            String id = KafkaCloudEvents.header(record.headers(), CloudEventHeaders.ID);
            if (id != null) {
                headers.putIfAbsent(id, record.headers());
                watch(record, id);
            }
        }
        inbox.receive(records, (event, eventId) -> router.route(cloudEvent(event, eventId, headers.get(eventId))));
    }

    private void watch(ConsumerRecord<String, Event> record, String id) {
        if (watchers.isEmpty() || record.value() == null) {
            return;
        }
        CloudEvent event;
        try {
            event = cloudEvent(record.value(), id, record.headers());
        } catch (RuntimeException incomplete) {
            // a record without the CloudEvents headers the envelope needs: the inbox and the router deal with it
            return;
        }
        Instant recordTime = Instant.ofEpochMilli(record.timestamp());
        for (BusWatcher watcher : watchers) {
            watcher.seen(event, record.topic(), recordTime);
        }
    }

    private static CloudEvent cloudEvent(Event event, String eventId, Headers headers) {
        String time = KafkaCloudEvents.header(headers, CloudEventHeaders.TIME);
        return new CloudEvent(
                eventId,
                KafkaCloudEvents.header(headers, CloudEventHeaders.SOURCE),
                KafkaCloudEvents.header(headers, CloudEventHeaders.TYPE),
                Instant.parse(time),
                event);
    }
}
