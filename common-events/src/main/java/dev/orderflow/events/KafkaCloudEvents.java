package dev.orderflow.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/**
 * The CloudEvents Kafka binding in binary mode: context attributes as {@code ce_*} headers, the event's JSON as the
 * value, the customerId as the key. The one place that writes and reads those headers.
 */
public final class KafkaCloudEvents {

    private KafkaCloudEvents() {}

    /** The record for an event whose JSON has already been written (as the outbox stores it). */
    public static ProducerRecord<String, byte[]> toRecord(
            String topic,
            String key,
            String id,
            String source,
            String type,
            Instant time,
            @Nullable String subject,
            byte[] json) {
        return new ProducerRecord<>(topic, null, key, json, headers(id, source, type, time, subject));
    }

    /** The record for an event. */
    public static ProducerRecord<String, byte[]> toRecord(CloudEvent event) {
        return toRecord(
                event.topic(),
                event.key(),
                event.id(),
                event.source(),
                event.type(),
                event.time(),
                event.subject(),
                EventJson.write(event.data()));
    }

    /** The CloudEvents headers, in binary content mode. */
    public static Headers headers(String id, String source, String type, Instant time, @Nullable String subject) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0));
        headers.add(CloudEventHeaders.ID, bytes(id));
        headers.add(CloudEventHeaders.SOURCE, bytes(source));
        headers.add(CloudEventHeaders.TYPE, bytes(type));
        headers.add(CloudEventHeaders.TIME, bytes(time.toString()));
        if (subject != null) {
            headers.add(CloudEventHeaders.SUBJECT, bytes(subject));
        }
        headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.APPLICATION_JSON));
        return headers;
    }

    /**
     * Reads an event back from its headers and value.
     *
     * @throws IllegalArgumentException when a required header is missing, the type is unknown, or the value is not
     *     valid JSON for that type
     */
    public static CloudEvent fromRecord(Headers headers, byte @Nullable [] value) {
        String type = required(headers, CloudEventHeaders.TYPE);
        Class<? extends Event> eventClass =
                EventTypes.classOf(type).orElseThrow(() -> new IllegalArgumentException("unknown event type " + type));
        if (value == null) {
            throw new IllegalArgumentException("no value for event type " + type);
        }
        return new CloudEvent(
                required(headers, CloudEventHeaders.ID),
                required(headers, CloudEventHeaders.SOURCE),
                type,
                Instant.parse(required(headers, CloudEventHeaders.TIME)),
                EventJson.read(value, eventClass));
    }

    /** The last value of a header as text, or {@code null}. */
    public static @Nullable String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }

    /** All headers as text, for diagnostics and tests. */
    public static Map<String, @Nullable String> headersAsText(Headers headers) {
        Map<String, @Nullable String> text = new TreeMap<>();
        headers.forEach(h -> text.put(h.key(), h.value() == null ? null : new String(h.value(), UTF_8)));
        return text;
    }

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing header " + name);
        }
        return value;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
