package dev.orderflow.fulfillment.bus;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.CustomEvent;
import dev.orderflow.events.EventJson;
import dev.orderflow.fulfillment.FulfillmentProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sees an orderflow event as an EventBridge event: {@code {"version": "0", "id": <ce_id>, "detail-type": <the event's
 * name>, "source": "orderflow.<service>", "account", "time": <ce_time>, "region", "resources": [], "detail": <the
 * event's JSON>}}. A {@link CustomEvent} brings its own source, detail-type, resources, detail and, if it has one, time.
 */
@Component
public class Envelopes {

    /** The services' CloudEvents sources and their EventBridge sources; any other {@code /x-service} is {@code orderflow.x}. */
    static final Map<String, String> SOURCES = Map.of(
            "/order-service", "orderflow.orders",
            "/billing-service", "orderflow.billing",
            "/fulfillment-service", "orderflow.fulfillment");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final String account;
    private final String region;

    public Envelopes(FulfillmentProperties properties) {
        this.account = properties.account();
        this.region = properties.region();
    }

    /** The envelope of an event as it came off Kafka. */
    public ObjectNode of(CloudEvent event) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("version", "0");
        envelope.put("id", event.id());
        if (event.data() instanceof CustomEvent custom) {
            envelope.put("detail-type", custom.detailType());
            envelope.put("source", custom.source());
            envelope.put("account", account);
            envelope.put("time", time(custom.time() != null ? custom.time() : event.time()));
            envelope.put("region", region);
            ArrayNode resources = envelope.putArray("resources");
            custom.resources().forEach(resources::add);
            envelope.set("detail", custom.detail());
            return envelope;
        }
        envelope.put("detail-type", detailType(event.type()));
        envelope.put("source", source(event.source()));
        envelope.put("account", account);
        envelope.put("time", time(event.time()));
        envelope.put("region", region);
        envelope.putArray("resources");
        envelope.set("detail", JSON.readTree(EventJson.write(event.data())));
        return envelope;
    }

    /** The event's EventBridge detail-type: a custom event's own, else the name in its CloudEvents type. */
    public static String detailType(CloudEvent event) {
        return event.data() instanceof CustomEvent custom ? custom.detailType() : detailType(event.type());
    }

    /** {@code dev.orderflow.OrderPaid.v1} → {@code OrderPaid}. */
    static String detailType(String ceType) {
        List<String> parts = List.of(ceType.split("\\."));
        return parts.size() >= 2 ? parts.get(parts.size() - 2) : ceType;
    }

    /** {@code /billing-service} → {@code orderflow.billing}. */
    static String source(String ceSource) {
        String known = SOURCES.get(ceSource);
        if (known != null) {
            return known;
        }
        String name = ceSource.startsWith("/") ? ceSource.substring(1) : ceSource;
        return "orderflow."
                + (name.endsWith("-service") ? name.substring(0, name.length() - "-service".length()) : name);
    }

    /** EventBridge's time: ISO-8601 in UTC to the second, e.g. {@code 2026-11-29T07:00:00Z}. */
    static String time(Instant time) {
        return time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
