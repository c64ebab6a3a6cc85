package dev.orderflow.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.FulfillmentEvent;
import dev.orderflow.events.OrderCreated;
import dev.orderflow.events.OrderDispatched;
import dev.orderflow.fulfillment.rules.RuleMatcher;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.KafkaTestClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Orders walk the bus as billing publishes them: OrderCreated and OrderPaid are routed by the default rules, every
 * event of an order lands in the log group, a paid order is stored and dispatched once, and OrderDispatched comes back
 * onto the bus and into the log group too.
 */
@IntegrationTest
@Import(CrashingProcessedEvents.Configuration.class)
class RoutingIT {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String ORDERS_LOG = "/orderflow/events/orders";

    private static final KafkaTestClient kafka = new KafkaTestClient();

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CrashingProcessedEvents processedEvents;

    @Autowired
    RuleMatcher matcher;

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void routesOrdersForThreeLocationsToTheLogAndStoresAndDispatchesEachOnce() {
        for (String location : List.of("us-east", "eu-west", "ap-south")) {
            OrderCreated created = order(location);
            kafka.publish(CloudEvent.of("/order-service", created));
            kafka.publish(CloudEvent.of("/billing-service", Fixtures.paid(created)));

            OrderDispatched dispatched = awaitDispatched(created.orderId());
            assertThat(dispatched.location()).isEqualTo(location);
            assertThat(dispatched.route()).isEqualTo("paid-orders-to-store");
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(loggedDetailTypes(created.orderId()))
                    .containsExactlyInAnyOrder("OrderCreated", "OrderPaid", "OrderDispatched"));
            http.get()
                    .uri("/dispatches/{orderId}", created.orderId())
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.customerId")
                    .isEqualTo(created.customerId())
                    .jsonPath("$.location")
                    .isEqualTo(location)
                    .jsonPath("$.total")
                    .isEqualTo(12.5)
                    .jsonPath("$.items[0].productCode")
                    .isEqualTo("pencil")
                    .jsonPath("$.matchedRules")
                    .isEqualTo(matchedRules(location));
        }
    }

    /** The default rules an OrderPaid for the location matches (the API and workflow rules are enabled, issue 11). */
    static List<String> matchedRules(String location) {
        if (location.startsWith("us-")) {
            return List.of("orders-to-log", "paid-orders-to-store", "us-orders-to-api");
        }
        if (location.startsWith("eu-")) {
            return List.of("eu-orders-to-workflow", "orders-to-log", "paid-orders-to-store");
        }
        return List.of("orders-to-log", "paid-orders-to-store");
    }

    @Test
    void storesAndDispatchesAnOrderOnceWhenItsPaymentIsRedeliveredAndTheConsumerCrashesAfterTheCommit() {
        OrderCreated created = order("us-west");
        CloudEvent payment = CloudEvent.of("/billing-service", Fixtures.paid(created));
        processedEvents.crashOnceAfterCommit(payment.id());

        kafka.publish(payment);
        kafka.publish(payment);
        kafka.publish(CloudEvent.of("/billing-service", Fixtures.paid(created)));

        awaitDispatched(created.orderId());
        await().atMost(TIMEOUT).until(() -> count("select count(*) from deliveries where status = 'PENDING'") == 0);
        await().atMost(TIMEOUT).until(() -> count("select count(*) from outbox") == 0);
        assertThat(count("select count(*) from dispatches where order_id = '" + created.orderId() + "'"))
                .isOne();
        assertThat(count("select count(*) from deliveries where event_id = '" + payment.id() + "'"))
                .as("one delivery per rule and target of the redelivered event")
                .isEqualTo(matchedRules("us-west").size());
        assertThat(dispatchedEvents(created.orderId())).hasSize(1);
    }

    @Test
    void routesACustomEventPutThroughTheApiByARuleOnItsSource() {
        String group = "/test/custom-" + UUID.randomUUID();
        http.put()
                .uri("/rules/custom-shop-events")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body("""
                        {"eventPattern": {"source": ["shop.custom"], "detail": {"size": [{"numeric": [">=", 3]}]}},
                         "targets": [{"id": "log", "type": "log", "logGroup": "%s",
                                      "inputTemplate": "{\\"size\\": <size>, \\"rule\\": \\"<aws.events.rule-name>\\"}",
                                      "inputPathsMap": {"size": "$.detail.size"}}]}""".formatted(group))
                .exchange()
                .expectStatus()
                .is2xxSuccessful();
        awaitRuleActive();

        http.post()
                .uri("/events")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body("""
                        {"entries": [{"source": "shop.custom", "detailType": "Big", "detail": {"size": 5}},
                                     {"source": "shop.custom", "detailType": "Small", "detail": {"size": 1}}]}""")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.failedEntryCount")
                .isEqualTo(0);

        await().atMost(TIMEOUT)
                .untilAsserted(
                        () -> http.get()
                                .uri("/logs?group={group}", group)
                                .exchange()
                                .expectBody()
                                .json(
                                        "[{\"rule\": \"custom-shop-events\", \"message\": {\"size\": 5, \"rule\": \"custom-shop-events\"}}]"));
    }

    /** The rule change has reached this instance's matcher (it polls every 250 ms). */
    private void awaitRuleActive() {
        await().atMost(TIMEOUT).until(() -> !matcher.match("{\"source\": \"shop.custom\", \"detail\": {\"size\": 5}}")
                .isEmpty());
    }

    private OrderDispatched awaitDispatched(UUID orderId) {
        await().atMost(TIMEOUT).until(() -> !dispatchedEvents(orderId).isEmpty());
        return (OrderDispatched) dispatchedEvents(orderId).getFirst().data();
    }

    private List<CloudEvent> dispatchedEvents(UUID orderId) {
        return kafka.events(FulfillmentEvent.TOPIC, orderId.toString());
    }

    @SuppressWarnings("unchecked")
    private List<String> loggedDetailTypes(UUID orderId) {
        List<Object> types = new java.util.ArrayList<>();
        http.get()
                .uri("/logs?group={group}&limit=1000", ORDERS_LOG)
                .exchange()
                .expectBody()
                .jsonPath("$[?(@.message.detail.orderId == '%s')].message.detail-type".formatted(orderId))
                .value(value -> types.addAll((List<Object>) value));
        return types.stream().map(String::valueOf).toList();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static OrderCreated order(String location) {
        return Fixtures.order("customer-" + UUID.randomUUID(), location);
    }
}
