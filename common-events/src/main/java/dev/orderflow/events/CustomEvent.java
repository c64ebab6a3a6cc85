package dev.orderflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An event that a client put on the bus through fulfillment-service's {@code POST /events}, like an entry of
 * EventBridge's PutEvents: its own {@code source} and {@code detailType}, and any JSON object as {@code detail}. It
 * concerns no customer, so it is keyed by its event id.
 *
 * @param time when the client says it happened; {@code null} when it did not say (the CloudEvents time is used then)
 */
public record CustomEvent(
        String source,
        String detailType,
        List<String> resources,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Instant time,
        JsonNode detail)
        implements FulfillmentEvent {

    public CustomEvent {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detailType, "detailType");
        Objects.requireNonNull(detail, "detail");
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    /** None: a custom event is keyed by its event id. */
    @Override
    public @Nullable String customerId() {
        return null;
    }

    /** None. */
    @Override
    public @Nullable String subject() {
        return null;
    }
}
