package dev.orderflow.fulfillment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.OrderCreated;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.fulfillment.FulfillmentProperties;
import dev.orderflow.fulfillment.bus.Envelopes;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every EventBridge operator, on envelopes built from the real events as the bus sees them. */
class EventPatternsTest {

    static final Envelopes envelopes = new Envelopes(new FulfillmentProperties(
            "000000000000",
            "local-1",
            Duration.ofMillis(250),
            new FulfillmentProperties.Delivery(null, null, null, 1, 1)));

    static final OrderCreated CREATED = new OrderCreated(
            UUID.randomUUID(),
            "alice",
            "eu-west",
            List.of(new OrderCreated.Item("pencil", 2, new BigDecimal("1.25"))),
            new BigDecimal("150.00"),
            "USD",
            Instant.parse("2026-11-29T07:00:00Z"));

    static final String ORDER_CREATED = json(CloudEvent.of("/order-service", CREATED));
    static final String ORDER_PAID = json(CloudEvent.of(
            "/billing-service",
            new OrderPaid(
                    CREATED.orderId(),
                    "alice",
                    new BigDecimal("150.00"),
                    new BigDecimal("50.00"),
                    "USD",
                    "us-east",
                    CREATED.items())));

    static Stream<Arguments> patterns() {
        return Stream.of(
                Arguments.of("exact", "{\"detail-type\": [\"OrderPaid\"]}", ORDER_PAID, true),
                Arguments.of("exact, other event", "{\"detail-type\": [\"OrderPaid\"]}", ORDER_CREATED, false),
                Arguments.of("prefix", "{\"source\": [{\"prefix\": \"orderflow.\"}]}", ORDER_CREATED, true),
                Arguments.of(
                        "prefix on detail", "{\"detail\": {\"location\": [{\"prefix\": \"us-\"}]}}", ORDER_PAID, true),
                Arguments.of("suffix", "{\"detail\": {\"location\": [{\"suffix\": \"-west\"}]}}", ORDER_CREATED, true),
                Arguments.of(
                        "anything-but",
                        "{\"detail\": {\"location\": [{\"anything-but\": [\"eu-west\"]}]}}",
                        ORDER_CREATED,
                        false),
                Arguments.of(
                        "anything-but prefix",
                        "{\"detail\": {\"location\": [{\"anything-but\": {\"prefix\": \"eu-\"}}]}}",
                        ORDER_PAID,
                        true),
                Arguments.of(
                        "numeric range on total",
                        "{\"detail\": {\"total\": [{\"numeric\": [\">=\", 100, \"<\", 200]}]}}",
                        ORDER_CREATED,
                        true),
                Arguments.of(
                        "numeric range on total, outside",
                        "{\"detail\": {\"total\": [{\"numeric\": [\">\", 150]}]}}",
                        ORDER_CREATED,
                        false),
                Arguments.of(
                        "numeric on amount",
                        "{\"detail\": {\"amount\": [{\"numeric\": [\"=\", 150]}]}}",
                        ORDER_PAID,
                        true),
                Arguments.of("exists", "{\"detail\": {\"location\": [{\"exists\": true}]}}", ORDER_PAID, true),
                Arguments.of("exists false", "{\"detail\": {\"balance\": [{\"exists\": false}]}}", ORDER_CREATED, true),
                Arguments.of(
                        "equals-ignore-case",
                        "{\"detail-type\": [{\"equals-ignore-case\": \"orderpaid\"}]}",
                        ORDER_PAID,
                        true),
                Arguments.of(
                        "wildcard", "{\"detail\": {\"location\": [{\"wildcard\": \"*-west\"}]}}", ORDER_CREATED, true),
                Arguments.of(
                        "wildcard, no match",
                        "{\"detail\": {\"location\": [{\"wildcard\": \"ap-*\"}]}}",
                        ORDER_PAID,
                        false),
                Arguments.of(
                        "$or",
                        "{\"$or\": [{\"detail\": {\"total\": [{\"numeric\": [\">\", 1000]}]}}, "
                                + "{\"detail\": {\"location\": [\"eu-west\"]}}]}",
                        ORDER_CREATED,
                        true),
                Arguments.of(
                        "$or, neither",
                        "{\"$or\": [{\"detail-type\": [\"Nope\"]}, {\"source\": [\"x\"]}]}",
                        ORDER_PAID,
                        false),
                Arguments.of(
                        "items array", "{\"detail\": {\"items\": {\"productCode\": [\"pencil\"]}}}", ORDER_PAID, true),
                Arguments.of(
                        "cidr",
                        "{\"detail\": {\"ip\": [{\"cidr\": \"10.0.0.0/24\"}]}}",
                        "{\"source\": \"shop\", \"detail\": {\"ip\": \"10.0.0.17\"}}",
                        true),
                Arguments.of(
                        "cidr, outside",
                        "{\"detail\": {\"ip\": [{\"cidr\": \"10.0.0.0/24\"}]}}",
                        "{\"source\": \"shop\", \"detail\": {\"ip\": \"10.0.1.17\"}}",
                        false),
                Arguments.of(
                        "account and region",
                        "{\"account\": [\"000000000000\"], \"region\": [\"local-1\"]}",
                        ORDER_PAID,
                        true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patterns")
    void matchesAsEventBridgeDoes(String operator, String pattern, String event, boolean matches) {
        assertThat(EventPatterns.problem(pattern)).isNull();
        assertThat(EventPatterns.matches(event, pattern)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void explainsAnInvalidPattern(String pattern) {
        assertThat(EventPatterns.problem(pattern)).isNotBlank();
    }

    static Stream<String> invalid() {
        return Stream.of(
                "{\"source\": \"not-a-list\"}",
                "{\"detail\": {\"total\": [{\"numeric\": [\">\", \"x\"]}]}}",
                "{\"source\": [{\"no-such-operator\": 1}]}",
                "{}",
                "{\"source\": [" + "\"x\",".repeat(2000) + "\"x\"]}");
    }

    private static String json(CloudEvent event) {
        return envelopes.of(event).toString();
    }
}
