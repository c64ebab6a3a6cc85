package dev.orderflow.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.BillingEvent;
import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.DepositRequested;
import dev.orderflow.events.KafkaCloudEvents;
import dev.orderflow.platform.PlatformProperties;
import dev.orderflow.platform.observability.TraceContexts;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.KafkaTestClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox publishes every committed event once, nothing that rolled back, and one customer's events in order. */
@IntegrationTest
class OutboxIT {

    private static final KafkaTestClient kafka = new KafkaTestClient();

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    KafkaTemplate<Object, Object> kafkaTemplate;

    @Autowired
    PlatformProperties properties;

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void refusesToPublishOutsideATransaction() {
        assertThatThrownBy(() -> outbox.publish(deposit("nobody", 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
    }

    @Test
    void anEventWhoseTransactionRollsBackIsNeverPublished() {
        String customer = "rollback-" + UUID.randomUUID();
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        transactions.executeWithoutResult(status -> {
            outbox.publish(deposit(customer, 1));
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> outbox.publish(deposit(customer, 2)));

        kafka.awaitRecord(BillingEvent.TOPIC, record -> customer.equals(record.key()));
        assertThat(amountsOf(customer)).containsExactly(2);
    }

    @Test
    void keepsEachCustomersOrderWhileSeveralRelaysCompete() throws Exception {
        String run = UUID.randomUUID().toString();
        List<String> customers = List.of("ordered-a-" + run, "ordered-b-" + run, "ordered-c-" + run);
        int perCustomer = 150;
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        AtomicBoolean writing = new AtomicBoolean(true);

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // two more relays, as if two more instances of the service were publishing from the same schema
            List<Future<?>> competitors = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                OutboxRelay competitor = new OutboxRelay(
                        jdbc, transactions, kafkaTemplate, properties.outbox(), TraceContexts.NONE, OutboxMetrics.NONE);
                competitors.add(threads.submit(() -> {
                    while (writing.get()) {
                        competitor.publishPending();
                    }
                    return null;
                }));
            }
            List<Callable<Void>> writers = new ArrayList<>();
            for (String customer : customers) {
                writers.add(() -> {
                    for (int n = 1; n <= perCustomer; n++) {
                        int amount = n;
                        transactions.executeWithoutResult(status -> outbox.publish(deposit(customer, amount)));
                    }
                    return null;
                });
            }
            for (Future<Void> writer : threads.invokeAll(writers)) {
                writer.get();
            }
            writing.set(false);
            for (Future<?> competitor : competitors) {
                competitor.get();
            }
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> customers.stream()
                .allMatch(customer -> amountsOf(customer).size() >= perCustomer));
        List<Integer> expected = IntStream.rangeClosed(1, perCustomer).boxed().toList();
        for (String customer : customers) {
            assertThat(amountsOf(customer)).as(customer).isEqualTo(expected);
        }
    }

    /** The amounts of a customer's deposits on the topic, in the order they were published, each published once. */
    private static List<Integer> amountsOf(String customer) {
        Set<String> eventIds = new HashSet<>();
        List<Integer> amounts = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : kafka.records(BillingEvent.TOPIC)) {
            if (customer.equals(record.key())) {
                CloudEvent event = KafkaCloudEvents.fromRecord(record.headers(), record.value());
                assertThat(eventIds.add(event.id()))
                        .as("published once: " + event.id())
                        .isTrue();
                amounts.add(((DepositRequested) event.data()).amount().intValueExact());
            }
        }
        return amounts;
    }

    private static DepositRequested deposit(String customer, int amount) {
        return new DepositRequested(UUID.randomUUID(), customer, BigDecimal.valueOf(amount), "USD");
    }
}
