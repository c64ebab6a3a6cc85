package dev.orderflow.events;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a record value as the {@link Event} its {@code ce_type} header names. A record without a known type or with a
 * value that is not that event fails with a {@link SerializationException}, which error-handling deserializers turn
 * into a dead letter instead of a stuck consumer.
 */
public class EventDeserializer implements Deserializer<Event> {

    @Override
    public Event deserialize(String topic, byte @Nullable [] data) {
        throw new SerializationException("events are typed by their ce_type header; headers are required");
    }

    @Override
    public Event deserialize(String topic, Headers headers, byte @Nullable [] data) {
        try {
            return KafkaCloudEvents.fromRecord(headers, data).data();
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new SerializationException("cannot read record from " + topic + ": " + e.getMessage(), e);
        }
    }
}
