package dev.orderflow.fulfillment.bus;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.CustomEvent;
import dev.orderflow.platform.outbox.Outbox;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * EventBridge's PutEvents: custom events onto the bus (topic {@code fulfillment}) through the outbox, each entry
 * checked on its own. An invalid entry gets an error and the others are still put, as EventBridge does; the accepted
 * entries commit together.
 */
@Service
public class PutEvents {

    /** EventBridge's limits: 10 entries per request, 256 KB per entry. */
    public static final int MAX_ENTRIES = 10;

    public static final int MAX_ENTRY_BYTES = 256 * 1024;
    public static final String RESERVED_SOURCE_PREFIX = "orderflow.";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final Outbox outbox;

    PutEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** One entry's outcome: its event id, or why it was refused. */
    public record Result(String eventId, String errorCode, String errorMessage) {

        static Result accepted(String eventId) {
            return new Result(eventId, null, null);
        }

        static Result refused(String code, String message) {
            return new Result(null, code, message);
        }
    }

    /** An entry refused with an EventBridge error code. */
    private static final class Refused extends RuntimeException {

        private final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    /** Puts the entries (at most {@value #MAX_ENTRIES}, checked by the caller), in order. */
    @Transactional
    public List<Result> put(List<JsonNode> entries) {
        List<Result> results = new ArrayList<>(entries.size());
        for (JsonNode entry : entries) {
            try {
                CloudEvent event = outbox.publish(read(entry));
                results.add(Result.accepted(event.id()));
            } catch (Refused e) {
                results.add(Result.refused(e.code, e.getMessage()));
            }
        }
        return results;
    }

    private static CustomEvent read(JsonNode entry) {
        if (!entry.isObject()) {
            throw new Refused("InvalidArgument", "An entry must be a JSON object.");
        }
        if (JSON.writeValueAsBytes(entry).length > MAX_ENTRY_BYTES) {
            throw new Refused("InvalidArgument", "An entry must be at most 256 KB.");
        }
        String source = text(entry, "source", 256);
        if (source.startsWith(RESERVED_SOURCE_PREFIX)) {
            throw new Refused(
                    "NotAuthorizedForSourceException",
                    "Sources beginning with \"" + RESERVED_SOURCE_PREFIX + "\" are reserved for orderflow's services.");
        }
        String detailType = text(entry, "detailType", 128);
        JsonNode detail = entry.path("detail");
        if (detail.isString()) {
            try {
                detail = JSON.readTree(detail.stringValue());
            } catch (JacksonException e) {
                throw new Refused("MalformedDetail", "detail is not valid JSON: " + e.getOriginalMessage());
            }
        }
        if (!detail.isObject()) {
            throw new Refused("MalformedDetail", "detail must be a JSON object.");
        }
        List<String> resources = new ArrayList<>();
        JsonNode resourceNodes = entry.path("resources");
        if (!resourceNodes.isMissingNode() && !resourceNodes.isNull()) {
            if (!resourceNodes.isArray()) {
                throw new Refused("InvalidArgument", "resources must be a list of strings.");
            }
            for (JsonNode resource : resourceNodes) {
                if (!resource.isString()
                        || resource.stringValue().length() > 2048
                        || hasControl(resource.stringValue())) {
                    throw new Refused("InvalidArgument", "resources must be strings of at most 2048 characters.");
                }
                resources.add(resource.stringValue());
            }
        }
        Instant time = null;
        JsonNode timeNode = entry.path("time");
        if (!timeNode.isMissingNode() && !timeNode.isNull()) {
            try {
                time = Instant.parse(timeNode.asString());
            } catch (DateTimeParseException e) {
                throw new Refused("InvalidArgument", "time must be an ISO-8601 instant, e.g. 2026-11-29T07:00:00Z.");
            }
        }
        return new CustomEvent(source, detailType, resources, time, detail);
    }

    private static String text(JsonNode entry, String field, int maxLength) {
        JsonNode value = entry.path(field);
        if (!value.isString() || value.stringValue().isBlank()) {
            throw new Refused("InvalidArgument", field + " is required.");
        }
        String text = value.stringValue();
        if (text.getBytes(StandardCharsets.UTF_8).length > maxLength || hasControl(text)) {
            throw new Refused(
                    "InvalidArgument",
                    field + " must be at most " + maxLength + " characters, without control characters.");
        }
        return text;
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
