package dev.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class PaymentWatcherTest {

    private final PaymentWatcher watcher = new PaymentWatcher("localhost:1", "bench-run-");
    private final List<PaymentWatcher.Outcome> seen = new ArrayList<>();

    @Test
    void matchesAnOutcomeToTheOrderAwaitingIt() {
        watcher.await("order-1", seen::add);
        watcher.accept(record("bench-run-3", "dev.orderflow.OrderPaid.v1", "order-1"), 42);
        assertThat(seen).containsExactly(new PaymentWatcher.Outcome(PaymentWatcher.Kind.ORDER_PAID, 42));
    }

    @Test
    void keepsAnOutcomeThatArrivesBeforeTheOrderIsAwaited() {
        watcher.accept(record("bench-run-3", "dev.orderflow.PaymentFailed.v1", "order-2"), 7);
        watcher.await("order-2", seen::add);
        assertThat(seen).containsExactly(new PaymentWatcher.Outcome(PaymentWatcher.Kind.PAYMENT_FAILED, 7));
        assertThat(watcher.unclaimed()).isZero();
    }

    @Test
    void ignoresOtherCustomersAndOtherEvents() {
        watcher.await("order-3", seen::add);
        watcher.accept(record("alice", "dev.orderflow.OrderPaid.v1", "order-3"), 1);
        watcher.accept(record("bench-run-1", "dev.orderflow.SomethingElse.v1", "order-3"), 2);
        assertThat(seen).isEmpty();
        watcher.accept(record("bench-run-1", "dev.orderflow.DepositAccepted.v1", "order-3"), 3);
        assertThat(seen).extracting(PaymentWatcher.Outcome::kind).containsExactly(PaymentWatcher.Kind.DEPOSIT_ACCEPTED);
    }

    @Test
    void countsARedeliveryNobodyAwaits() {
        watcher.await("order-4", seen::add);
        watcher.accept(record("bench-run-1", "dev.orderflow.OrderPaid.v1", "order-4"), 1);
        watcher.accept(record("bench-run-1", "dev.orderflow.OrderPaid.v1", "order-4"), 2);
        assertThat(seen).hasSize(1);
        assertThat(watcher.unclaimed()).isEqualTo(1);
    }

    private static ConsumerRecord<String, byte[]> record(String key, String type, String subject) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("payment", 0, 0L, key, new byte[0]);
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_subject", subject.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
