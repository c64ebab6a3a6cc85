package dev.orderflow.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event with its CloudEvents context attributes, as it is stored in an outbox and as it travels on Kafka.
 *
 * @param id unique per event; consumers use it to recognise a redelivery
 * @param source the URI-reference of the service that published it, e.g. {@code /order-service}
 * @param type the logical type name, see {@link EventTypes}
 * @param time when the event happened
 * @param data the event itself
 */
public record CloudEvent(String id, String source, String type, Instant time, Event data) {

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** A new event from {@code source}, with a fresh id and the current time. */
    public static CloudEvent of(String source, Event data) {
        return new CloudEvent(
                UUID.randomUUID().toString(),
                source,
                EventTypes.nameOf(data.getClass()),
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                data);
    }

    public @Nullable String subject() {
        return data.subject();
    }

    /** The record key: the customer's id, or the event's own id for an event that concerns no customer. */
    public String key() {
        return data.customerId() != null ? data.customerId() : id;
    }

    public String topic() {
        return data.topic();
    }
}
