package dev.orderflow.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.BillingEvent;
import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.DepositRequested;
import dev.orderflow.platform.outbox.Outbox;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.KafkaTestClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Each of the platform's meters moves when what it measures does. */
@IntegrationTest
class PlatformMetersIT {

    private static final KafkaTestClient kafka = new KafkaTestClient();

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Tracer tracer;

    @Autowired
    RestTestClient http;

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void countsTheBacklogAndItsAgeWhileTheRelayCannotPublish() throws Exception {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // holds the schema's relay lock (V0_4__create_outbox_batch_function.sql), as a relay of another instance would
        CompletableFuture<Void> otherRelay = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('orderflow.outbox.' || current_schema()))")
                    .query()
                    .singleValue();
            locked.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            transactions.executeWithoutResult(status -> outbox.publish(deposit("backlog-" + UUID.randomUUID())));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(gauge("orderflow.outbox.backlog")).isGreaterThanOrEqualTo(1);
                assertThat(gauge("orderflow.outbox.oldest.age")).isGreaterThan(0);
            });
        } finally {
            release.countDown();
            otherRelay.get(30, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(gauge("orderflow.outbox.backlog")).isZero();
            assertThat(gauge("orderflow.outbox.oldest.age")).isZero();
        });
    }

    @Test
    void timesEachPublicationUntilTheBrokerAcknowledgedIt() {
        long before = meters.get("orderflow.outbox.publish.latency").timer().count();

        new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> outbox.publish(deposit("timed-" + UUID.randomUUID())));

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        meters.get("orderflow.outbox.publish.latency").timer().count() > before);
    }

    @Test
    void measuresTheTableOfProcessedEvents() {
        double before = gauge("orderflow.inbox.processed.events.size");

        jdbc.sql("insert into processed_events (event_id) select gen_random_uuid()::text from generate_series(1, 2000)")
                .update();

        assertThat(gauge("orderflow.inbox.processed.events.size")).isGreaterThan(before);
    }

    @Test
    void countsDeadLettersByTheTopicTheyCameFrom() {
        String topic = BillingEvent.TOPIC;
        double before = deadLetters(topic);
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TYPE, "no.such.Type".getBytes(StandardCharsets.UTF_8));

        kafka.publishRaw(topic, "poison", "{}".getBytes(StandardCharsets.UTF_8), headers);

        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters(topic) >= before + 1);
    }

    @Test
    void servesExemplarsOnlyWhereEveryPrometheusReadsThem() {
        Span span = tracer.nextSpan().name("measured").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            Counter.builder("platform.test.counted").register(meters).increment();
            Timer.builder("platform.test.timed").register(meters).record(Duration.ofMillis(5));
        } finally {
            span.end();
        }

        String scrape = new String(
                http.get()
                        .uri("/actuator/prometheus")
                        .header(HttpHeaders.ACCEPT, "application/openmetrics-text;version=1.0.0")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBodyContent(),
                StandardCharsets.UTF_8);

        assertThat(scrape.lines().filter(line -> line.startsWith("platform_test_counted_total")))
                .as("a counter carries its exemplar")
                .singleElement()
                .asString()
                .contains("trace_id=\"" + span.context().traceId() + "\"");
        assertThat(scrape.lines().filter(line -> line.startsWith("platform_test_timed_seconds_count")))
                .as("a summary's count carries none: Prometheus before 2.43 would refuse the whole scrape")
                .singleElement()
                .asString()
                .doesNotContain("# {");
    }

    private double deadLetters(String topic) {
        var counter =
                meters.find("orderflow.kafka.dead.letters").tag("topic", topic).counter();
        return counter == null ? 0 : counter.count();
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private static DepositRequested deposit(String customer) {
        return new DepositRequested(UUID.randomUUID(), customer, BigDecimal.ONE, "USD");
    }

    /** A listener with the platform's error handling, which dead-letters what it cannot read. */
    @TestConfiguration
    static class BillingListener {

        @KafkaListener(topics = BillingEvent.TOPIC, groupId = "platform-meters-it")
        void on(ConsumerRecord<String, Object> record) {
            // the events other tests publish are fine; an unreadable record never gets here
        }
    }
}
