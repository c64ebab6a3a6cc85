package dev.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.OrderDispatched;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.testsupport.KafkaTestClient;
import dev.orderflow.testsupport.TestInfrastructure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The watcher against a real broker, fed by a producer that writes records the way the services' relays do. */
class EventWatcherIT {

    private final String bootstrapServers = TestInfrastructure.kafkaBootstrapServers();
    private final String prefix = "bench-it-" + UUID.randomUUID() + "-";
    private final String customer = prefix + "0";

    @Test
    void seesPaymentsAndDispatchesPublishedAfterItStartedOnly() throws Exception {
        UUID before = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        List<EventWatcher.Outcome> paid = new CopyOnWriteArrayList<>();
        List<EventWatcher.Outcome> dispatched = new CopyOnWriteArrayList<>();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
                EventWatcher watcher = new EventWatcher(bootstrapServers, prefix)) {
            kafka.publish(paid(before));
            watcher.start();
            watcher.await(before.toString(), paid::add);
            watcher.await(order.toString(), paid::add);
            watcher.awaitDispatch(order.toString(), dispatched::add);

            kafka.publish(paid(order));
            kafka.publish(new OrderDispatched(order, customer, "bench", "paid-orders-to-store", Instant.now()));

            await().atMost(Duration.ofSeconds(30)).until(() -> paid.size() == 1 && dispatched.size() == 1);
            // one customer's records share a partition, in order: the earlier payment would have come first
            assertThat(paid).extracting(EventWatcher.Outcome::kind).containsExactly(EventWatcher.Kind.ORDER_PAID);
            assertThat(dispatched.getFirst().kind()).isEqualTo(EventWatcher.Kind.ORDER_DISPATCHED);
            assertThat(dispatched.getFirst().nanos())
                    .isGreaterThanOrEqualTo(paid.getFirst().nanos());
            assertThat(watcher.failure()).isNull();
        }
    }

    private OrderPaid paid(UUID order) {
        return new OrderPaid(order, customer, BigDecimal.ONE, BigDecimal.TEN, "EUR");
    }
}
