package dev.orderflow.fulfillment.destinations;

import static dev.orderflow.fulfillment.Fixtures.apiTarget;
import static dev.orderflow.fulfillment.Fixtures.custom;
import static dev.orderflow.fulfillment.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.KafkaCloudEvents;
import dev.orderflow.fulfillment.TestReceiver;
import dev.orderflow.fulfillment.delivery.DeadLetterRelay;
import dev.orderflow.fulfillment.rules.RuleMatcher;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.KafkaTestClient;
import dev.orderflow.testsupport.TestTraces;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** API destinations against a real HTTP server: headers, retries, final refusals, dead letters, rate limit, secrets. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ApiDestinationIT {

    static TestReceiver receiver;
    static KafkaTestClient kafka;

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuleMatcher matcher;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void start() {
        receiver = new TestReceiver();
        kafka = new KafkaTestClient();
    }

    @AfterAll
    static void stop() {
        receiver.close();
        kafka.close();
    }

    @Test
    void sendsBasicAndApiKeyHeadersWithTheIdempotencyKeyAndNeverShowsOrLogsASecret(CapturedOutput output) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        String apiKey = "key-" + UUID.randomUUID();
        putConnection("basic-" + suffix, """
                {"authorization": {"type": "BASIC", "username": "shop", "password": "%s"}}""".formatted(password)).expectStatus().isCreated();
        putConnection("key-" + suffix, """
                {"authorization": {"type": "API_KEY", "name": "X-Api-Key", "value": "%s"}}""".formatted(apiKey)).expectStatus().isCreated();
        putDestination("basic-" + suffix, receiver.url("/basic-" + suffix), "basic-" + suffix, 300)
                .expectStatus()
                .isCreated();
        putDestination("key-" + suffix, receiver.url("/key-" + suffix), "key-" + suffix, 300)
                .expectStatus()
                .isCreated();
        String source = "test.api-" + suffix;
        putRule(
                "api-" + suffix,
                rule(source, apiTarget("basic", "basic-" + suffix, 2), apiTarget("key", "key-" + suffix, 2)));

        CloudEvent event = kafka.publish(custom(source, "{\"orderId\": \"o-1\"}"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(receiver.requests("/basic-" + suffix)).hasSize(1);
            assertThat(receiver.requests("/key-" + suffix)).hasSize(1);
        });
        TestReceiver.Request basic = receiver.requests("/basic-" + suffix).getFirst();
        assertThat(basic.method()).isEqualTo("POST");
        assertThat(basic.header("Authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString(("shop:" + password).getBytes(StandardCharsets.UTF_8)));
        assertThat(basic.header("Idempotency-Key")).isEqualTo(event.id());
        assertThat(basic.header("Content-Type")).startsWith("application/json");
        assertThat(basic.body()).contains("\"orderId\":\"o-1\"").contains(event.id());
        TestReceiver.Request key = receiver.requests("/key-" + suffix).getFirst();
        assertThat(key.header("X-Api-Key")).isEqualTo(apiKey);
        assertThat(key.header("Idempotency-Key")).isEqualTo(event.id());

        // a refusal and a retry put the destination's name and the error into the log: still no secret
        receiver.answer("/basic-" + suffix, 401);
        CloudEvent refused = kafka.publish(custom(source, "{\"orderId\": \"o-2\"}"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(deadLetters(refused.id())).isNotEmpty());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(meters.get("orderflow.fulfillment.dead.letters")
                                .tag("rule", "api-" + suffix)
                                .tag("target", "basic")
                                .counter()
                                .count())
                        .as("the dead letter counted")
                        .isEqualTo(1));

        List<String> answers = new ArrayList<>();
        for (String uri : List.of(
                "/connections",
                "/connections/basic-" + suffix,
                "/connections/key-" + suffix,
                "/api-destinations",
                "/api-destinations/basic-" + suffix)) {
            answers.add(new String(
                    http.get()
                            .uri(uri)
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody()
                            .returnResult()
                            .getResponseBodyContent(),
                    StandardCharsets.UTF_8));
        }
        assertThat(answers.get(1)).contains("\"username\":\"shop\"").contains("\"password\":\"******\"");
        assertThat(answers.get(2)).contains("\"name\":\"X-Api-Key\"").contains("\"value\":\"******\"");
        assertThat(String.join("\n", answers)).doesNotContain(password).doesNotContain(apiKey);
        assertThat(output.getAll()).doesNotContain(password).doesNotContain(apiKey);
        assertThat(jdbc.sql("select string_agg(encrypted_secret, ' ') from connections")
                        .query(String.class)
                        .single())
                .doesNotContain(password)
                .doesNotContain(apiKey);
    }

    @Test
    void sendsTheEventsTraceAsTraceparentAndCountsTheMatchAndTheDelivery() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        putConnection("traced-" + suffix, "{\"authorization\": {\"type\": \"NONE\"}}")
                .expectStatus()
                .isCreated();
        putDestination("traced-" + suffix, receiver.url("/traced-" + suffix), "traced-" + suffix, 300)
                .expectStatus()
                .isCreated();
        String source = "test.traced-" + suffix;
        String ruleName = "traced-" + suffix;
        putRule(ruleName, rule(source, apiTarget("traced", "traced-" + suffix, 2)));
        String traceId = TestTraces.newTraceId();
        CloudEvent event = CloudEvent.of("/test", custom(source, "{\"orderId\": \"o-traced\"}"));
        kafka.publish(event, TestTraces.traceparent(traceId));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(receiver.requests("/traced-" + suffix))
                .hasSize(1));
        String traceparent = receiver.requests("/traced-" + suffix).getFirst().header("traceparent");
        assertThat(traceparent).as("the delivery's span, in the event's trace").startsWith("00-" + traceId + "-");
        assertThat(traceparent).doesNotContain(TestTraces.PARENT_SPAN_ID);
        assertThat(meters.get("orderflow.fulfillment.rule.matches")
                        .tag("rule", ruleName)
                        .counter()
                        .count())
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(meters.get("orderflow.fulfillment.delivery")
                                .tag("rule", ruleName)
                                .tag("target", "traced")
                                .tag("error", "none")
                                .timer()
                                .count())
                        .isEqualTo(1));
    }

    @Test
    void retriesServerErrorsTooManyRequestsAndAHangingEndpointWithBackoffThenDeadLettersThem() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        putConnection("none-" + suffix, "{\"authorization\": {\"type\": \"NONE\"}}")
                .expectStatus()
                .isCreated();
        List<String> targets = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (int status : new int[] {500, 503, 429, TestReceiver.HANG}) {
            String name = "s" + (status == TestReceiver.HANG ? "hang" : status) + "-" + suffix;
            receiver.answer("/" + name, status);
            putDestination(name, receiver.url("/" + name), "none-" + suffix, 300)
                    .expectStatus()
                    .isCreated();
            targets.add(apiTarget(name, name, 2));
            paths.add("/" + name);
        }
        String source = "test.retry-" + suffix;
        putRule("retry-" + suffix, rule(source, targets.toArray(String[]::new)));

        CloudEvent event = kafka.publish(custom(source, "{\"orderId\": \"o-3\"}"));

        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(deadLetters(event.id())).hasSize(4));
        for (String path : paths) {
            List<TestReceiver.Request> attempts = receiver.requests(path);
            assertThat(attempts).as(path).hasSize(3);
            for (int i = 1; i < attempts.size(); i++) {
                // the first retry waits at least half the configured 200 ms, and the waits grow
                assertThat(Duration.between(
                                attempts.get(i - 1).at(), attempts.get(i).at()))
                        .isGreaterThanOrEqualTo(Duration.ofMillis(100));
            }
        }
        for (ConsumerRecord<String, byte[]> letter : deadLetters(event.id())) {
            var headers = KafkaCloudEvents.headersAsText(letter.headers());
            assertThat(headers.get(DeadLetterRelay.ATTEMPTS)).isEqualTo("3");
            assertThat(headers.get(DeadLetterRelay.RULE)).isEqualTo("retry-" + suffix);
            assertThat(headers.get("orderflow_dlt-root-cause")).isNotBlank();
        }
    }

    @Test
    void aBadRequestIsFinalAtOnce() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        putConnection("none-" + suffix, "{\"authorization\": {\"type\": \"NONE\"}}")
                .expectStatus()
                .isCreated();
        receiver.answer("/bad-" + suffix, 400);
        putDestination("bad-" + suffix, receiver.url("/bad-" + suffix), "none-" + suffix, 300)
                .expectStatus()
                .isCreated();
        String source = "test.bad-" + suffix;
        putRule("bad-" + suffix, rule(source, apiTarget("bad", "bad-" + suffix, 5)));

        CloudEvent event = kafka.publish(custom(source, "{\"orderId\": \"o-4\"}"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(deadLetters(event.id())).hasSize(1));
        assertThat(receiver.requests("/bad-" + suffix)).hasSize(1);
        assertThat(KafkaCloudEvents.header(deadLetters(event.id()).getFirst().headers(), DeadLetterRelay.ATTEMPTS))
                .isEqualTo("1");
    }

    @Test
    void holdsTheRateLimitWithinTenPercentAndDelaysTheBurstInsteadOfDroppingIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        int rate = 10;
        int events = 80;
        putConnection("none-" + suffix, "{\"authorization\": {\"type\": \"NONE\"}}")
                .expectStatus()
                .isCreated();
        putDestination("rate-" + suffix, receiver.url("/rate-" + suffix), "none-" + suffix, rate)
                .expectStatus()
                .isCreated();
        String source = "test.rate-" + suffix;
        putRule("rate-" + suffix, rule(source, apiTarget("rate", "rate-" + suffix, 2)));

        for (int i = 0; i < events; i++) {
            kafka.publish(custom(source, "{\"n\": " + i + "}"));
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(receiver.requests("/rate-" + suffix))
                .hasSize(events));
        List<Instant> arrivals = receiver.requests("/rate-" + suffix).stream()
                .map(TestReceiver.Request::at)
                .sorted()
                .toList();
        int most = 0;
        for (Instant start : arrivals) {
            Instant end = start.plusSeconds(5);
            most = Math.max(most, (int) arrivals.stream()
                    .filter(at -> !at.isBefore(start) && at.isBefore(end))
                    .count());
        }
        assertThat(most).isLessThanOrEqualTo((int) (rate * 5 * 1.1));
        assertThat(Duration.between(arrivals.getFirst(), arrivals.getLast()))
                .isGreaterThanOrEqualTo(Duration.ofMillis((events - 1) * 1000L / rate * 9 / 10));
    }

    @Test
    void refusesBadConnectionsAndDestinationsWithoutStoringThem() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        putConnection("x-" + suffix, "{\"authorization\": {\"type\": \"OAUTH\"}}")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        putConnection("x-" + suffix, "{\"authorization\": {\"type\": \"BASIC\", \"username\": \"a\"}}")
                .expectStatus()
                .isBadRequest();
        putConnection(
                        "x-" + suffix,
                        "{\"authorization\": {\"type\": \"API_KEY\", \"name\": \"bad header\", \"value\": \"v\"}}")
                .expectStatus()
                .isBadRequest();
        http.get().uri("/connections/x-" + suffix).exchange().expectStatus().isNotFound();

        putConnection("ok-" + suffix, "{\"authorization\": {\"type\": \"NONE\"}}")
                .expectStatus()
                .isCreated();
        putDestination("d-" + suffix, "ftp://example.com/x", "ok-" + suffix, 10)
                .expectStatus()
                .isBadRequest();
        putDestination("d-" + suffix, "http://example.com/x", "missing-" + suffix, 10)
                .expectStatus()
                .isBadRequest();
        putDestination("d-" + suffix, "http://example.com/x", "ok-" + suffix, 301)
                .expectStatus()
                .isBadRequest();
        http.get()
                .uri("/api-destinations/d-" + suffix)
                .exchange()
                .expectStatus()
                .isNotFound();

        putDestination("d-" + suffix, "http://example.com/x", "ok-" + suffix, 10)
                .expectStatus()
                .isCreated();
        http.delete().uri("/connections/ok-" + suffix).exchange().expectStatus().isEqualTo(409);
        http.delete()
                .uri("/api-destinations/d-" + suffix)
                .exchange()
                .expectStatus()
                .isNoContent();
        http.delete().uri("/connections/ok-" + suffix).exchange().expectStatus().isNoContent();
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(String eventId) {
        return kafka.records(DeadLetterRelay.TOPIC).stream()
                .filter(record -> eventId.equals(record.key()))
                .toList();
    }

    private RestTestClient.ResponseSpec putConnection(String name, String body) {
        return http.put()
                .uri("/connections/{name}", name)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    private RestTestClient.ResponseSpec putDestination(String name, String endpoint, String connection, int rate) {
        return http.put()
                .uri("/api-destinations/{name}", name)
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"endpoint": "%s", "httpMethod": "POST", "connection": "%s", "invocationRateLimitPerSecond": %d}""".formatted(endpoint, connection, rate))
                .exchange();
    }

    private void putRule(String name, String body) {
        http.put()
                .uri("/rules/{name}", name)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isCreated();
        matcher.refresh();
    }
}
