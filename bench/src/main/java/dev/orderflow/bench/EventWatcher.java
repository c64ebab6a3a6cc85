package dev.orderflow.bench;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.DepositAccepted;
import dev.orderflow.events.EventTypes;
import dev.orderflow.events.FulfillmentEvent;
import dev.orderflow.events.KafkaCloudEvents;
import dev.orderflow.events.OrderDispatched;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentEvent;
import dev.orderflow.events.PaymentFailed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches {@code payment} and {@code fulfillment} for what became of this run's orders and deposits: a consumer of its
 * own (no group, nothing committed) assigned every partition at its end offset before the run places anything, which
 * matches each record's {@code ce_subject} (the orderId or depositId) to whoever {@link #await awaits} it. Only records
 * keyed by this run's customers are looked at; the time of an outcome is when this consumer received it. A stack
 * without fulfillment-service (or without its topic) simply never dispatches.
 */
final class EventWatcher implements AutoCloseable {

    /** What became of an order or deposit, and when this consumer saw it ({@link System#nanoTime()}). */
    record Outcome(Kind kind, long nanos) {}

    enum Kind {
        ORDER_PAID,
        PAYMENT_FAILED,
        DEPOSIT_ACCEPTED,
        ORDER_DISPATCHED
    }

    private static final Map<String, Kind> KINDS = Map.of(
            EventTypes.nameOf(OrderPaid.class), Kind.ORDER_PAID,
            EventTypes.nameOf(PaymentFailed.class), Kind.PAYMENT_FAILED,
            EventTypes.nameOf(DepositAccepted.class), Kind.DEPOSIT_ACCEPTED,
            EventTypes.nameOf(OrderDispatched.class), Kind.ORDER_DISPATCHED);

    /** A subject awaits its payment's outcome and, separately, its dispatch. */
    private record Slot(boolean dispatch, String subject) {}

    private final String bootstrapServers;
    private final String keyPrefix;
    /** Completed by the first outcome per slot, whether or not anyone waits for it yet. */
    private final Map<Slot, CompletableFuture<Outcome>> slots = new ConcurrentHashMap<>();

    private KafkaConsumer<String, byte[]> consumer;
    private volatile Throwable failure;
    private Thread thread;

    EventWatcher(String bootstrapServers, String keyPrefix) {
        this.bootstrapServers = bootstrapServers;
        this.keyPrefix = keyPrefix;
    }

    /** Assigns every partition at its current end, then consumes on a thread of its own. */
    void start() {
        Properties props = Suite.kafkaConfig(bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-event-watcher");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        try {
            List<TopicPartition> partitions = Stream.of(PaymentEvent.TOPIC, FulfillmentEvent.TOPIC)
                    .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream())
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            if (partitions.stream().noneMatch(p -> p.topic().equals(PaymentEvent.TOPIC))) {
                throw new IllegalStateException(
                        "topic " + PaymentEvent.TOPIC + " has no partitions (is the suite up?)");
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // seekToEnd is lazy: resolve the positions now, so that nothing published from here on is missed.
            partitions.forEach(partition -> consumer.position(partition, Duration.ofSeconds(30)));
        } catch (RuntimeException e) {
            consumer.close();
            throw new IllegalStateException("event-watcher could not start: " + e, e);
        }
        thread = Thread.ofPlatform().name("event-watcher").daemon().start(this::run);
    }

    /**
     * Calls {@code callback} (on the watcher's thread; keep it short) with the payment outcome for {@code subject}, at
     * once when it arrived already.
     */
    void await(String subject, Consumer<Outcome> callback) {
        await(new Slot(false, subject), callback);
    }

    /** Like {@link #await}, for the order's {@code OrderDispatched}. */
    void awaitDispatch(String orderId, Consumer<Outcome> callback) {
        await(new Slot(true, orderId), callback);
    }

    private void await(Slot slot, Consumer<Outcome> callback) {
        slot(slot).thenAccept(callback.andThen(outcome -> slots.remove(slot)));
    }

    private CompletableFuture<Outcome> slot(Slot slot) {
        return slots.computeIfAbsent(slot, s -> new CompletableFuture<>());
    }

    /** Forgets an order nobody waits for any more (a timed-out one). */
    void forget(String subject) {
        slots.remove(new Slot(false, subject));
        slots.remove(new Slot(true, subject));
    }

    Throwable failure() {
        return failure;
    }

    /** Polls until {@link #close} wakes it up. */
    private void run() {
        try (var kafka = consumer) {
            while (true) {
                var records = kafka.poll(Duration.ofMillis(200));
                long now = System.nanoTime();
                records.forEach(record -> accept(record, now));
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    void accept(ConsumerRecord<String, byte[]> record, long now) {
        if (record.key() == null || !record.key().startsWith(keyPrefix)) {
            return;
        }
        Kind kind = KINDS.get(KafkaCloudEvents.header(record.headers(), CloudEventHeaders.TYPE));
        String subject = KafkaCloudEvents.header(record.headers(), CloudEventHeaders.SUBJECT);
        if (kind != null && subject != null) {
            slot(new Slot(kind == Kind.ORDER_DISPATCHED, subject)).complete(new Outcome(kind, now));
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (thread != null) {
            consumer.wakeup();
            thread.join(10_000);
        }
    }
}
