package dev.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.DepositAccepted;
import dev.orderflow.events.Event;
import dev.orderflow.events.KafkaCloudEvents;
import dev.orderflow.events.OrderDispatched;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentFailed;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** The watcher fed the very records the services publish, written by {@link KafkaCloudEvents}. */
class EventWatcherTest {

    private final EventWatcher watcher = new EventWatcher("localhost:1", "bench-run-");
    private final List<EventWatcher.Outcome> seen = new ArrayList<>();
    private final UUID order = UUID.randomUUID();

    @Test
    void matchesAnOutcomeToTheOrderAwaitingIt() {
        watcher.await(order.toString(), seen::add);
        watcher.accept(record(paid(order, "bench-run-3")), 42);
        assertThat(seen).containsExactly(new EventWatcher.Outcome(EventWatcher.Kind.ORDER_PAID, 42));
    }

    @Test
    void keepsAnOutcomeThatArrivesBeforeTheOrderIsAwaited() {
        watcher.accept(
                record(new PaymentFailed(
                        order, "bench-run-3", BigDecimal.ONE, PaymentFailed.INSUFFICIENT_FUNDS, "EUR")),
                7);
        watcher.await(order.toString(), seen::add);
        assertThat(seen).containsExactly(new EventWatcher.Outcome(EventWatcher.Kind.PAYMENT_FAILED, 7));
    }

    @Test
    void ignoresOtherCustomersAndOtherEvents() {
        watcher.await(order.toString(), seen::add);
        watcher.accept(record(paid(order, "alice")), 1);
        watcher.accept(
                asReceived(KafkaCloudEvents.toRecord(
                        "payment",
                        "bench-run-1",
                        "id-1",
                        "/test",
                        "dev.orderflow.SomethingElse.v1",
                        Instant.now(),
                        order.toString(),
                        "{}".getBytes(StandardCharsets.UTF_8))),
                2);
        assertThat(seen).isEmpty();
        UUID deposit = UUID.randomUUID();
        watcher.await(deposit.toString(), seen::add);
        watcher.accept(record(new DepositAccepted(deposit, "bench-run-1", BigDecimal.TEN, BigDecimal.TEN, "EUR")), 3);
        assertThat(seen).extracting(EventWatcher.Outcome::kind).containsExactly(EventWatcher.Kind.DEPOSIT_ACCEPTED);
    }

    @Test
    void reportsAnOrderOnceThoughItsOutcomeIsRedelivered() {
        watcher.await(order.toString(), seen::add);
        watcher.accept(record(paid(order, "bench-run-1")), 1);
        watcher.accept(record(paid(order, "bench-run-1")), 2);
        assertThat(seen).containsExactly(new EventWatcher.Outcome(EventWatcher.Kind.ORDER_PAID, 1));
    }

    @Test
    void tellsTheDispatchOfAnOrderApartFromItsPayment() {
        List<EventWatcher.Outcome> dispatched = new ArrayList<>();
        watcher.await(order.toString(), seen::add);
        watcher.awaitDispatch(order.toString(), dispatched::add);
        watcher.accept(record(paid(order, "bench-run-1")), 10);
        watcher.accept(record(dispatched(order, "bench-run-1")), 25);
        assertThat(seen).containsExactly(new EventWatcher.Outcome(EventWatcher.Kind.ORDER_PAID, 10));
        assertThat(dispatched).containsExactly(new EventWatcher.Outcome(EventWatcher.Kind.ORDER_DISPATCHED, 25));
    }

    @Test
    void keepsADispatchThatOvertakesThePayment() {
        List<EventWatcher.Outcome> dispatched = new ArrayList<>();
        watcher.accept(record(dispatched(order, "bench-run-1")), 5);
        watcher.accept(record(paid(order, "bench-run-1")), 6);
        watcher.awaitDispatch(order.toString(), dispatched::add);
        watcher.await(order.toString(), seen::add);
        assertThat(dispatched)
                .extracting(EventWatcher.Outcome::kind)
                .containsExactly(EventWatcher.Kind.ORDER_DISPATCHED);
        assertThat(seen).extracting(EventWatcher.Outcome::kind).containsExactly(EventWatcher.Kind.ORDER_PAID);
    }

    @Test
    void ignoresOtherCustomersDispatches() {
        watcher.awaitDispatch(order.toString(), seen::add);
        watcher.accept(record(dispatched(order, "alice")), 1);
        assertThat(seen).isEmpty();
    }

    private static OrderPaid paid(UUID order, String customer) {
        return new OrderPaid(order, customer, BigDecimal.ONE, BigDecimal.TEN, "EUR");
    }

    private static OrderDispatched dispatched(UUID order, String customer) {
        return new OrderDispatched(order, customer, "bench", "paid-orders-to-store", Instant.now());
    }

    /** The record as a consumer receives it: key, headers and value exactly as the outbox relay sends them. */
    private static ConsumerRecord<String, byte[]> record(Event event) {
        return asReceived(KafkaCloudEvents.toRecord(CloudEvent.of("/test", event)));
    }

    private static ConsumerRecord<String, byte[]> asReceived(ProducerRecord<String, byte[]> sent) {
        return new ConsumerRecord<>(
                sent.topic(),
                0,
                0L,
                ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE,
                -1,
                -1,
                sent.key(),
                sent.value(),
                sent.headers(),
                Optional.empty());
    }
}
