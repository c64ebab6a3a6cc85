package dev.orderflow.order.ordering;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.BillingEvent;
import dev.orderflow.events.KafkaCloudEvents;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.KafkaTestClient;
import dev.orderflow.testsupport.TestTraces;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * An order can be followed: OrderCreated continues the trace of the request that placed the order (through the
 * outbox), and so does its log line, {@code /actuator/prometheus} is open to the scraper, and the orders are counted by status.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OrderObservabilityIT {

    private static final KafkaTestClient kafka = new KafkaTestClient();

    @Autowired
    RestTestClient http;

    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void orderCreatedContinuesTheTraceOfTheRequestThatPlacedTheOrder() {
        String traceId = TestTraces.newTraceId();
        String orderId = place("traced-" + UUID.randomUUID(), TestTraces.traceparent(traceId));

        ConsumerRecord<String, byte[]> created = kafka.awaitRecord(
                BillingEvent.TOPIC, r -> orderId.equals(KafkaCloudEvents.header(r.headers(), "ce_subject")));

        assertThat(KafkaCloudEvents.header(created.headers(), "traceparent")).startsWith("00-" + traceId + "-");
    }

    /** The line bin/trace follows: written by the group commit's thread, in the trace of the request. */
    @Test
    void orderCreatedIsLoggedInTheTraceOfTheRequest(CapturedOutput output) {
        String traceId = TestTraces.newTraceId();
        String orderId = place("logged-" + UUID.randomUUID(), TestTraces.traceparent(traceId));
        String eventId = KafkaCloudEvents.header(
                kafka.awaitRecord(
                                BillingEvent.TOPIC,
                                r -> orderId.equals(KafkaCloudEvents.header(r.headers(), "ce_subject")))
                        .headers(),
                "ce_id");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(output.getOut().lines())
                        .filteredOn(line -> line.contains("Publishing") && line.contains(eventId))
                        .singleElement(as(InstanceOfAssertFactories.STRING))
                        .contains(traceId));
    }

    @Test
    void countsOrdersByStatus() {
        double pending = pendingOrders();

        place("counted-" + UUID.randomUUID(), null);

        // billing is not running here, so the order stays pending
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingOrders() >= pending + 1);
    }

    @Test
    void servesPrometheusWithoutAToken() {
        String scrape = new String(
                http.get()
                        .uri("/actuator/prometheus")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBodyContent(),
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(scrape)
                .contains("orderflow_orders{")
                .contains("orderflow_outbox_backlog_events")
                .contains("http_server_requests_seconds");
    }

    private double pendingOrders() {
        return meters.get("orderflow.orders").tag("status", "PENDING").gauge().value();
    }

    private String place(String customer, String traceparent) {
        var request = http.post().uri("/orders").contentType(MediaType.APPLICATION_JSON);
        if (traceparent != null) {
            request = request.header("traceparent", traceparent);
        }
        var result = request.body(Map.of(
                        "customerId",
                        customer,
                        "location",
                        "us-east",
                        "items",
                        List.of(Map.of("productCode", "pencil", "quantity", 1))))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult();
        return result.getResponseHeaders().getLocation().getPath().substring("/orders/".length());
    }
}
