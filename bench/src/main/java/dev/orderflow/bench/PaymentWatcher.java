package dev.orderflow.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the {@code payment} topic for the outcomes of this run's orders and deposits: a consumer of its own (no
 * group, nothing committed) assigned every partition at its end offset before the run places anything, which matches
 * each record's {@code ce_subject} (the orderId or depositId) to whoever {@link #await awaits} it. Only records keyed
 * by this run's customers are looked at; the time of an outcome is when this consumer received it.
 */
final class PaymentWatcher implements AutoCloseable {

    static final String TOPIC = "payment";

    /** What became of an order or deposit, and when this consumer saw it ({@link System#nanoTime()}). */
    record Outcome(Kind kind, long nanos) {}

    enum Kind {
        ORDER_PAID,
        PAYMENT_FAILED,
        DEPOSIT_ACCEPTED
    }

    private final String bootstrapServers;
    private final String keyPrefix;
    /** Per subject: a waiting {@code Consumer<Outcome>}, or an {@link Outcome} that arrived before anyone waited. */
    private final Map<String, Object> slots = new ConcurrentHashMap<>();

    private final AtomicLong matched = new AtomicLong();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Throwable failure;
    private volatile boolean running = true;
    private Thread thread;

    PaymentWatcher(String bootstrapServers, String keyPrefix) {
        this.bootstrapServers = bootstrapServers;
        this.keyPrefix = keyPrefix;
    }

    /** Starts consuming; returns once every partition is assigned at its current end. */
    void start() throws InterruptedException {
        thread = Thread.ofPlatform().name("payment-watcher").daemon().start(this::run);
        if (!assigned.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("payment-watcher: no assignment of topic " + TOPIC + " within 60 s");
        }
        if (failure != null) {
            throw new IllegalStateException("payment-watcher could not start: " + failure, failure);
        }
    }

    /**
     * Calls {@code callback} (on the watcher's thread; keep it short) with the outcome for {@code subject}, at once
     * when it arrived already.
     */
    void await(String subject, Consumer<Outcome> callback) {
        Object previous = slots.putIfAbsent(subject, callback);
        if (previous instanceof Outcome outcome) {
            slots.remove(subject);
            callback.accept(outcome);
        }
    }

    /** Forgets a subject nobody waits for any more (a timed-out order). */
    void forget(String subject) {
        slots.remove(subject);
    }

    long matched() {
        return matched.get();
    }

    /** Outcomes that nobody awaited: redeliveries, or orders whose POST the bench counted as failed. */
    long unclaimed() {
        return slots.values().stream().filter(Outcome.class::isInstance).count();
    }

    Throwable failure() {
        return failure;
    }

    private void run() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-payment-watcher");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(props)) {
            consumer = kafka;
            List<TopicPartition> partitions = kafka.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + TOPIC + " has no partitions (is the suite up?)");
            }
            kafka.assign(partitions);
            kafka.seekToEnd(partitions);
            // seekToEnd is lazy: resolve the positions now, so that nothing published from here on is missed.
            for (TopicPartition partition : partitions) {
                kafka.position(partition, Duration.ofSeconds(30));
            }
            assigned.countDown();
            while (running) {
                ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(200));
                long now = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : records) {
                    accept(record, now);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            assigned.countDown();
        }
    }

    void accept(ConsumerRecord<String, byte[]> record, long now) {
        if (record.key() == null || !record.key().startsWith(keyPrefix)) {
            return;
        }
        String type = header(record, "ce_type");
        String subject = header(record, "ce_subject");
        if (type == null || subject == null) {
            return;
        }
        Kind kind;
        if (type.contains("OrderPaid")) {
            kind = Kind.ORDER_PAID;
        } else if (type.contains("PaymentFailed")) {
            kind = Kind.PAYMENT_FAILED;
        } else if (type.contains("DepositAccepted")) {
            kind = Kind.DEPOSIT_ACCEPTED;
        } else {
            return;
        }
        Outcome outcome = new Outcome(kind, now);
        Object previous = slots.putIfAbsent(subject, outcome);
        if (previous instanceof Consumer<?> waiting) {
            slots.remove(subject);
            matched.incrementAndGet();
            @SuppressWarnings("unchecked")
            Consumer<Outcome> callback = (Consumer<Outcome>) waiting;
            callback.accept(outcome);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }
}
