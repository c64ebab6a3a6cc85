package dev.orderflow.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.OrderCreated;
import dev.orderflow.events.PaymentEvent;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.KafkaTestClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What billing's integration tests share: one application context (this class's configuration), the test JVM's real
 * Kafka broker and PostgreSQL, and small fixtures that play the customer (HTTP) and order-service (OrderCreated).
 * Every test works on customers of its own, so tests do not see each other's money. Billing runs a consumer per
 * partition here (the service's default is one for all), so that charges on different partitions really race.
 */
@IntegrationTest(properties = "spring.kafka.listener.concurrency=3")
@Import(ObservedProcessedEvents.Configuration.class)
public abstract class BillingTestSupport {

    protected static final Duration TIMEOUT = Duration.ofSeconds(30);

    protected static final KafkaTestClient kafka = new KafkaTestClient();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "kafka-test-client-close"));
    }

    @Autowired
    protected RestTestClient http;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected ObservedProcessedEvents processedEvents;

    protected static String newCustomer(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    protected void openAccount(String customerId) {
        http.post()
                .uri("/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("customerId", customerId))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    /** Asks for a deposit over HTTP and returns its id; the balance changes when billing's consumer applies it. */
    protected UUID requestDeposit(String customerId, String amount) {
        Map<?, ?> deposit = http.post()
                .uri("/accounts/{id}/deposits", customerId)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"amount\": " + amount + "}")
                .exchange()
                .expectStatus()
                .isAccepted()
                .returnResult(Map.class)
                .getResponseBody();
        assertThat(deposit.get("status")).isEqualTo("REQUESTED");
        return UUID.fromString(deposit.get("depositId").toString());
    }

    /** A new account with this balance, put there by a deposit. */
    protected void fund(String customerId, String amount) {
        openAccount(customerId);
        requestDeposit(customerId, amount);
        awaitBalance(customerId, amount);
    }

    protected BigDecimal balance(String customerId) {
        return jdbc.sql("select balance from accounts where customer_id = ?")
                .param(customerId)
                .query(BigDecimal.class)
                .single();
    }

    protected void awaitBalance(String customerId, String expected) {
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(balance(customerId)).isEqualByComparingTo(expected));
    }

    /** An order as order-service would announce it. */
    protected static OrderCreated order(String customerId, String total) {
        return new OrderCreated(
                UUID.randomUUID(),
                customerId,
                "us-east",
                List.of(new OrderCreated.Item("pencil", 1, new BigDecimal(total))),
                new BigDecimal(total),
                "USD",
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** The events on {@code payment} about this order or deposit, in the order they were published. */
    protected static List<PaymentEvent> paymentEvents(UUID subject) {
        return kafka.events(PaymentEvent.TOPIC, subject.toString()).stream()
                .map(CloudEvent::data)
                .map(PaymentEvent.class::cast)
                .toList();
    }

    /** Waits for the first event on {@code payment} about this order or deposit. */
    protected static PaymentEvent awaitPaymentEvent(UUID subject) {
        return await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> paymentEvents(subject), events -> !events.isEmpty())
                .getFirst();
    }

    /** Waits until every delivery of the event has been through the processed-events guard. */
    protected void awaitDeliveries(String eventId, Boolean... ranEach) {
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(processedEvents.deliveries(eventId))
                .containsExactly(ranEach));
    }

    protected long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
