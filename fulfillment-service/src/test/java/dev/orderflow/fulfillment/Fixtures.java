package dev.orderflow.fulfillment;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.CustomEvent;
import dev.orderflow.events.EventJson;
import dev.orderflow.events.KafkaCloudEvents;
import dev.orderflow.events.OrderCreated;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.testsupport.KafkaTestClient;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.databind.json.JsonMapper;

/** Small builders of the requests and events the tests need. */
public final class Fixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Fixtures() {}

    /** A custom event from the given source, with the given detail JSON. */
    public static CustomEvent custom(String source, String detailJson) {
        return new CustomEvent(source, "TestEvent", List.of(), null, JSON.readTree(detailJson));
    }

    /** A rule for events of one source, with the given targets' JSON. */
    public static String rule(String source, String... targets) {
        return """
                {"eventPattern": {"source": ["%s"]}, "state": "ENABLED", "targets": [%s]}""".formatted(source, String.join(",", targets));
    }

    /** An api-destination target with a short retry policy. */
    public static String apiTarget(String id, String destination, int retries) {
        return """
                {"id": "%s", "type": "api-destination", "destination": "%s",
                 "retryPolicy": {"maximumRetryAttempts": %d, "maximumEventAgeSeconds": 600}}""".formatted(id, destination, retries);
    }

    /** A new order of five pencils (12.50 USD) for the customer, placed now. */
    public static OrderCreated order(String customerId, String location) {
        return new OrderCreated(
                UUID.randomUUID(),
                customerId,
                location,
                List.of(new OrderCreated.Item("pencil", 5, new BigDecimal("2.50"))),
                new BigDecimal("12.50"),
                "USD",
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** The order, paid. */
    public static OrderPaid paid(OrderCreated order) {
        return new OrderPaid(
                order.orderId(),
                order.customerId(),
                order.total(),
                new BigDecimal("87.50"),
                order.currency(),
                order.location(),
                order.items());
    }

    /**
     * Puts the payment on {@code payment-dlt} as a service's error handler does: the event's CloudEvents headers and
     * the dead-letter headers of a database that was away.
     */
    public static CloudEvent deadLettered(KafkaTestClient kafka, OrderPaid paid) {
        CloudEvent event = CloudEvent.of("/billing-service", paid);
        RecordHeaders headers = new RecordHeaders();
        KafkaCloudEvents.toRecord(event).headers().forEach(headers::add);
        headers.add("kafka_dlt-original-topic", "payment".getBytes(StandardCharsets.UTF_8));
        headers.add("kafka_dlt-exception-message", "database was away".getBytes(StandardCharsets.UTF_8));
        headers.add("orderflow_dlt-root-cause", "java.sql.SQLException: away".getBytes(StandardCharsets.UTF_8));
        kafka.publishRaw("payment-dlt", paid.customerId(), EventJson.write(paid), headers);
        return event;
    }
}
