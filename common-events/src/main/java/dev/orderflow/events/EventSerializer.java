package dev.orderflow.events;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * Writes an {@link Event} as its JSON, and passes raw bytes through unchanged. Meant for re-publishing records that
 * already carry their CloudEvents headers, such as dead letters; new events go out through {@link KafkaCloudEvents}.
 */
public class EventSerializer implements Serializer<Object> {

    @Override
    public byte @Nullable [] serialize(String topic, @Nullable Object data) {
        return switch (data) {
            case null -> null;
            case byte[] bytes -> bytes;
            case Event event -> EventJson.write(event);
            default ->
                throw new SerializationException(
                        "not an event: " + data.getClass().getName());
        };
    }

    @Override
    public byte @Nullable [] serialize(String topic, Headers headers, @Nullable Object data) {
        return serialize(topic, data);
    }
}
