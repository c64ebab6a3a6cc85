package dev.orderflow.events;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of events: ISO-8601 instants, exact decimals written as plain numbers, unknown properties ignored (a
 * tolerant reader, so an added optional field keeps the version), missing required fields rejected by the records;
 * decimals in free-form JSON (a custom event's detail) read as exact {@code BigDecimal}s, never as doubles.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private EventJson() {}

    public static byte[] write(Event event) {
        return MAPPER.writeValueAsBytes(event);
    }

    /**
     * Reads an event of the given type.
     *
     * @throws IllegalArgumentException when the bytes are not a valid event of that type
     */
    public static <E extends Event> E read(byte[] json, Class<E> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException | NullPointerException e) {
            throw new IllegalArgumentException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
