package dev.orderflow.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.KafkaCloudEvents;
import dev.orderflow.fulfillment.delivery.DeadLetterRelay;
import dev.orderflow.fulfillment.rules.RuleMatcher;
import dev.orderflow.platform.kafka.KafkaConfiguration;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.KafkaTestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries are retried within their target's retry policy and then dead-lettered to {@code fulfillment-dlt} with the
 * rule, target, attempts and last error in the headers; a refusal is final at once. Two deliveries are worked on at
 * once here, as for slow targets.
 */
@IntegrationTest(
        properties = {
            "orderflow.fulfillment.delivery.concurrency=2",
            "orderflow.fulfillment.delivery.first-retry=20ms",
            "orderflow.fulfillment.delivery.max-retry=100ms"
        })
@Import(FlakyTarget.Configuration.class)
class DeadLettersIT {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final KafkaTestClient kafka = new KafkaTestClient();

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FlakyTarget flaky;

    @Autowired
    RuleMatcher matcher;

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void retriesAFailingTargetUntilItAcceptsTheEvent() {
        String source = "shop.flaky-" + UUID.randomUUID();
        putRule("flaky-recovers", source, "{\"id\": \"f\", \"type\": \"test-flaky\", \"failures\": 2}");

        String eventId = putEvent(source, "{\"n\": 1}");

        await().atMost(TIMEOUT).until(() -> flaky.delivered.containsKey(eventId + "/flaky-recovers"));
        await().atMost(TIMEOUT).until(() -> "DELIVERED".equals(status(eventId)));
        assertThat(jdbc.sql("select attempts from deliveries where event_id = ?")
                        .param(eventId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void deadLettersADeliveryWhenItsTargetsRetryPolicyRunsOut() {
        String source = "shop.flaky-" + UUID.randomUUID();
        putRule(
                "flaky-gives-up",
                source,
                "{\"id\": \"f\", \"type\": \"test-flaky\", \"failures\": 100, "
                        + "\"retryPolicy\": {\"maximumRetryAttempts\": 2}}");

        String eventId = putEvent(source, "{\"n\": 2}");

        ConsumerRecord<String, byte[]> deadLetter = kafka.awaitRecord(
                DeadLetterRelay.TOPIC, record -> eventId.equals(KafkaCloudEvents.header(record.headers(), "ce_id")));
        Map<String, String> headers = KafkaCloudEvents.headersAsText(deadLetter.headers());
        assertThat(headers)
                .containsEntry(DeadLetterRelay.RULE, "flaky-gives-up")
                .containsEntry(DeadLetterRelay.TARGET, "f")
                .containsEntry(DeadLetterRelay.TARGET_TYPE, "test-flaky")
                .containsEntry(DeadLetterRelay.ATTEMPTS, "3");
        assertThat(headers.get(KafkaConfiguration.ROOT_CAUSE_HEADER)).contains("flaky target refused attempt 3");
        JsonNode input = JsonMapper.builder().build().readTree(new String(deadLetter.value(), StandardCharsets.UTF_8));
        assertThat(input.path("detail").path("n").asInt()).isEqualTo(2);
        assertThat(status(eventId)).isEqualTo("FAILED");
        assertThat(flaky.attempts.get(eventId + "/flaky-gives-up")).hasValue(3);
    }

    @Test
    void deadLettersARefusedDeliveryAtOnce() {
        String source = "shop.refused-" + UUID.randomUUID();
        putRule("refused-by-store", source, "{\"id\": \"store\", \"type\": \"store-and-dispatch\"}");

        String eventId = putEvent(source, "{\"no\": \"order here\"}");

        ConsumerRecord<String, byte[]> deadLetter = kafka.awaitRecord(
                DeadLetterRelay.TOPIC, record -> eventId.equals(KafkaCloudEvents.header(record.headers(), "ce_id")));
        assertThat(KafkaCloudEvents.header(deadLetter.headers(), DeadLetterRelay.ATTEMPTS))
                .isEqualTo("1");
        assertThat(KafkaCloudEvents.header(deadLetter.headers(), KafkaConfiguration.ROOT_CAUSE_HEADER))
                .contains("needs an order");
        http.get()
                .uri("/rules/refused-by-store/deliveries")
                .exchange()
                .expectBody()
                .jsonPath("$[0].status")
                .isEqualTo("FAILED")
                .jsonPath("$[0].lastError")
                .exists();
    }

    private String status(String eventId) {
        return jdbc.sql("select status from deliveries where event_id = ?")
                .param(eventId)
                .query(String.class)
                .single();
    }

    private void putRule(String name, String source, String target) {
        http.put()
                .uri("/rules/{name}", name)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"eventPattern\": {\"source\": [\"%s\"]}, \"targets\": [%s]}".formatted(source, target))
                .exchange()
                .expectStatus()
                .is2xxSuccessful();
        // the rule reaches this instance's matcher within its refresh interval
        await().atMost(TIMEOUT)
                .until(() -> matcher.match("{\"source\": \"%s\", \"detail\": {}}".formatted(source)).stream()
                        .anyMatch(rule -> rule.name().equals(name)));
    }

    private String putEvent(String source, String detail) {
        JsonNode answer = JsonMapper.builder()
                .build()
                .readTree(http.post()
                        .uri("/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"entries\": [{\"source\": \"%s\", \"detailType\": \"Test\", \"detail\": %s}]}"
                                .formatted(source, detail))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody());
        return answer.path("entries").path(0).path("eventId").stringValue();
    }
}
