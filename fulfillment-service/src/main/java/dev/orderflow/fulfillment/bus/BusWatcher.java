package dev.orderflow.fulfillment.bus;

import dev.orderflow.events.CloudEvent;
import java.time.Instant;

/**
 * Sees every event the bus takes off Kafka, as it comes, before and whatever the routing: for watching the bus (the
 * operator console), never for effects. A redelivered event is seen again. Called on the listener's thread, so it must
 * return at once and must not throw.
 */
public interface BusWatcher {

    /**
     * @param topic the topic the record came from
     * @param recordTime the record's Kafka timestamp: when it was published
     */
    void seen(CloudEvent event, String topic, Instant recordTime);
}
