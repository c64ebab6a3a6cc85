package dev.orderflow.fulfillment.deadletters;

import static dev.orderflow.fulfillment.Fixtures.apiTarget;
import static dev.orderflow.fulfillment.Fixtures.custom;
import static dev.orderflow.fulfillment.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.KafkaCloudEvents;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.fulfillment.Fixtures;
import dev.orderflow.fulfillment.TestReceiver;
import dev.orderflow.fulfillment.rules.RuleMatcher;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.KafkaTestClient;
import dev.orderflow.testsupport.PaymentEvents;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Dead letters listed with their errors, fixed by configuration, redriven, and processed once. */
@IntegrationTest
class RedriveIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuleMatcher matcher;

    @Test
    void aRefusedDeliveryFixedByConfigurationIsRedrivenAndDeliveredOnce() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        try (TestReceiver receiver = new TestReceiver();
                KafkaTestClient kafka = new KafkaTestClient()) {
            receiver.answer("/wrong", 404);
            put("/connections/none-" + suffix, "{\"authorization\": {\"type\": \"NONE\"}}");
            put("/api-destinations/wh-" + suffix, destination(receiver.url("/wrong"), "none-" + suffix));
            String source = "test.redrive-" + suffix;
            put("/rules/redrive-" + suffix, rule(source, apiTarget("wh", "wh-" + suffix, 3)));
            matcher.refresh();

            CloudEvent event = kafka.publish(custom(source, "{\"orderId\": \"o-9\"}"));

            // refused for good: on fulfillment-dlt with why, and listed
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get()
                    .uri("/dead-letters?topic=fulfillment-dlt&limit=1000")
                    .exchange()
                    .expectBody()
                    .jsonPath("$[?(@.ceId == '%s')].errorHeaders['orderflow_dlt-root-cause']".formatted(event.id()))
                    .value(causes -> assertThat(causes.toString()).contains("404")));
            assertThat(receiver.requests("/wrong")).hasSize(1);

            // fixed by configuration, then redriven: delivered once, however often the redrive is asked for
            put("/api-destinations/wh-" + suffix, destination(receiver.url("/right"), "none-" + suffix));
            redrive("{\"topic\": \"fulfillment-dlt\", \"ceIds\": [\"%s\"]}".formatted(event.id()))
                    .jsonPath("$.redriven")
                    .isEqualTo(1);
            redrive("{\"topic\": \"fulfillment-dlt\", \"ceIds\": [\"%s\"]}".formatted(event.id()))
                    .jsonPath("$.redriven")
                    .isEqualTo(0);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(receiver.requests("/right")).hasSize(1));
            assertThat(receiver.requests("/right").getFirst().header("Idempotency-Key"))
                    .isEqualTo(event.id());
            http.get()
                    .uri("/dead-letters?topic=fulfillment-dlt&limit=1000")
                    .exchange()
                    .expectBody()
                    .jsonPath("$[?(@.ceId == '%s')].redriven".formatted(event.id()))
                    .isEqualTo(java.util.List.of(true));
        }
    }

    @Test
    void aRecordOnAServiceDeadLetterTopicGoesBackToItsSourceOnceWithoutItsErrorHeaders() {
        OrderPaid paid = PaymentEvents.orderPaid("redrive-" + UUID.randomUUID());
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            CloudEvent event = Fixtures.deadLettered(kafka, paid);

            http.get()
                    .uri("/dead-letters?topic=payment-dlt&limit=1000")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$[?(@.ceId == '%s')].errorHeaders['kafka_dlt-exception-message']".formatted(event.id()))
                    .isEqualTo(java.util.List.of("database was away"));

            redrive("{\"topic\": \"payment-dlt\", \"ceIds\": [\"%s\"]}".formatted(event.id()))
                    .jsonPath("$.redriven")
                    .isEqualTo(1);
            redrive("{\"topic\": \"payment-dlt\"}").jsonPath("$.redriven").value(n -> assertThat(n)
                    .isNotNull());

            ConsumerRecord<String, byte[]> back =
                    kafka.awaitRecord("payment", r -> event.id().equals(KafkaCloudEvents.header(r.headers(), "ce_id")));
            assertThat(back.key()).isEqualTo(paid.customerId());
            assertThat(KafkaCloudEvents.fromRecord(back.headers(), back.value()))
                    .isEqualTo(event);
            assertThat(KafkaCloudEvents.headersAsText(back.headers()).keySet())
                    .noneMatch(key -> key.startsWith("kafka_dlt-") || key.startsWith("orderflow_"));
            assertThat(kafka.records("payment").stream()
                            .filter(r -> event.id().equals(KafkaCloudEvents.header(r.headers(), "ce_id")))
                            .count())
                    .isEqualTo(1);
            // the bus processes it once: one delivery to the default log rule
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql("""
                                    select count(*) from deliveries where event_id = :id and rule_name = 'orders-to-log'
                                    """)
                            .param("id", event.id())
                            .query(Long.class)
                            .single())
                    .isEqualTo(1));
        }
    }

    @Test
    void anUnknownTopicIsABadRequest() {
        http.get().uri("/dead-letters?topic=payment").exchange().expectStatus().isBadRequest();
        http.post()
                .uri("/dead-letters/redrive")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"topic\": \"billing\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static String destination(String endpoint, String connection) {
        return """
                {"endpoint": "%s", "httpMethod": "POST", "connection": "%s"}""".formatted(endpoint, connection);
    }

    private void put(String uri, String body) {
        http.put()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .is2xxSuccessful();
    }

    private org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec redrive(String body) {
        return http.post()
                .uri("/dead-letters/redrive")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }
}
