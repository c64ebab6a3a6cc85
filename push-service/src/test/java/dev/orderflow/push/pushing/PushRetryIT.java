package dev.orderflow.push.pushing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.KafkaTestClient;
import dev.orderflow.testsupport.PaymentEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A push provider that refuses pushes: the push is retried with backoff and every failure recorded, and it is sent
 * once the provider accepts it, or marked FAILED after the last attempt. The sender is chosen by
 * {@code orderflow.push.sender}, as an FCM sender would be. This context has its own schema and consumer group, so that
 * its dispatcher and listener see only its own pushes and not those of {@link PushesIT}'s context.
 */
@IntegrationTest(
        properties = {
            "orderflow.push.sender=flaky",
            "orderflow.push.dispatch.max-attempts=3",
            "orderflow.push.dispatch.first-retry=100ms",
            "orderflow.push.dispatch.max-retry=200ms",
            "orderflow.push.dispatch.poll-interval=50ms",
            "spring.kafka.consumer.group-id=push-service-retry",
            "spring.datasource.hikari.schema=push_retry",
            "spring.flyway.schemas=push_retry",
            "spring.flyway.default-schema=push_retry"
        })
class PushRetryIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final KafkaTestClient kafka = new KafkaTestClient();

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FlakySender sender;

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aRefusedPushIsRecordedAndRetriedUntilItIsAccepted() {
        String customer = "customer-" + UUID.randomUUID();
        String token = "phone-" + UUID.randomUUID();
        sender.refuse(token, 2);
        register(customer, token);

        CloudEvent paid = kafka.publish(PaymentEvents.orderPaid(customer));

        PushState sent = await().atMost(TIMEOUT)
                .until(() -> pushState(paid.id()), state -> state != null && "SENT".equals(state.status()));
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(sent.lastError()).contains("provider refused");
        assertThat(sender.sent()).filteredOn(push -> push.token().equals(token)).hasSize(1);
    }

    @Test
    void aPushIsMarkedFailedAfterTheLastAttempt() {
        String customer = "customer-" + UUID.randomUUID();
        String token = "phone-" + UUID.randomUUID();
        sender.refuse(token, Integer.MAX_VALUE);
        register(customer, token);

        CloudEvent failed = kafka.publish(PaymentEvents.paymentFailed(customer));

        PushState gaveUp = await().atMost(TIMEOUT)
                .until(() -> pushState(failed.id()), state -> state != null && "FAILED".equals(state.status()));
        assertThat(gaveUp.attempts()).isEqualTo(3);
        assertThat(gaveUp.lastError()).contains("provider refused");
        assertThat(sender.sent()).noneMatch(push -> push.token().equals(token));
    }

    /** A push as the dispatcher left it. */
    record PushState(String status, int attempts, String lastError) {}

    private PushState pushState(String eventId) {
        return jdbc.sql("select status, attempts, last_error from push_notifications where event_id = ?")
                .param(eventId)
                .query((rs, row) ->
                        new PushState(rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error")))
                .optional()
                .orElse(null);
    }

    private void register(String customer, String token) {
        http.put()
                .uri("/customers/{c}/push-tokens/{t}", customer, token)
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FlakyProvider {

        @Bean
        FlakySender flakySender() {
            return new FlakySender();
        }
    }

    /** A push provider that refuses a token's pushes a given number of times, then accepts them. */
    static class FlakySender implements PushSender {

        private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
        private final List<Push> sent = new CopyOnWriteArrayList<>();

        void refuse(String token, int times) {
            refusals.put(token, new AtomicInteger(times));
        }

        List<Push> sent() {
            return sent;
        }

        @Override
        public void send(Push push) {
            AtomicInteger left = refusals.get(push.token());
            if (left != null && left.getAndDecrement() > 0) {
                throw new IllegalStateException("provider refused " + push.token());
            }
            sent.add(push);
        }
    }
}
