package dev.orderflow.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The machine's own limits, measured against the very servers the suite uses: how many single-row insert transactions
 * per second PostgreSQL commits (a JDBC loop on a few connections, autocommit, into a scratch table of schema
 * {@code bench}), and Kafka's produce-to-consume round trip ({@code acks=all}, on the scratch topic
 * {@code bench-roundtrip}): its latency one record at a time, like Kafka's {@code EndToEndLatency}, and its rate of
 * 500-byte records flat out, like {@code ProducerPerformance} with a consumer behind it.
 */
final class Limits {

    static final String TOPIC = "bench-roundtrip";
    static final int RECORD_SIZE = 500;

    private Limits() {}

    /** PostgreSQL's single-row insert transactions; latency in microseconds. */
    record Postgres(
            int connections,
            double seconds,
            long transactions,
            Histogram latency,
            String version,
            String synchronousCommit,
            String fsync) {

        double transactionsPerSecond() {
            return transactions / seconds;
        }

        View view() {
            return new View(
                    "JDBC loop: insert into bench.insert_probe, autocommit",
                    connections,
                    round(seconds),
                    transactions,
                    round(transactionsPerSecond()),
                    StepResult.Latency.of(latency),
                    version,
                    synchronousCommit,
                    fsync);
        }

        /** As the results file shows it. */
        record View(
                String tool,
                int connections,
                double seconds,
                long transactions,
                double transactionsPerSecond,
                StepResult.Latency latencyMs,
                String server,
                @JsonProperty("synchronous_commit") String synchronousCommit,
                String fsync) {}
    }

    /** Kafka's round trip: one record at a time (latency, microseconds), and flat out (records per second). */
    record Kafka(Histogram latency, long roundTrips, long records, double seconds, long produceErrors) {

        double recordsPerSecond() {
            return seconds <= 0 ? 0 : records / seconds;
        }

        View view() {
            return new View(
                    "own producer (acks=all, idempotent) and consumer on topic " + TOPIC,
                    RECORD_SIZE,
                    StepResult.Latency.of(latency),
                    round(recordsPerSecond()),
                    round(recordsPerSecond() * RECORD_SIZE / 1e6),
                    records,
                    round(seconds),
                    produceErrors);
        }

        /** As the results file shows it. */
        record View(
                String tool,
                int recordBytes,
                StepResult.Latency roundTripLatencyMs,
                double recordsPerSecond,
                double megabytesPerSecond,
                long records,
                double seconds,
                long produceErrors) {}
    }

    static Postgres postgres(String url, String user, String password, int connections, Duration duration)
            throws SQLException, InterruptedException {
        String version;
        String synchronousCommit;
        String fsync;
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("create schema if not exists bench");
            s.execute("create table if not exists bench.insert_probe (id bigserial primary key,"
                    + " payload text not null, created_at timestamptz not null default now())");
            s.execute("truncate bench.insert_probe");
            version = single(s, "show server_version");
            synchronousCommit = single(s, "show synchronous_commit");
            fsync = single(s, "show fsync");
        }
        List<Histogram> latencies = new ArrayList<>();
        AtomicLong count = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(connections);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        long[] window = new long[2];
        String payload = "x".repeat(100);
        for (int i = 0; i < connections; i++) {
            Histogram h = new Histogram(LoadStep.HIGHEST, 3);
            latencies.add(h);
            threads.add(Thread.ofPlatform().name("pg-insert-" + i).start(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password);
                        PreparedStatement insert =
                                c.prepareStatement("insert into bench.insert_probe (payload) values (?)")) {
                    c.setAutoCommit(true);
                    insert.setString(1, payload);
                    insert.executeUpdate(); // warm the statement
                    ready.countDown();
                    go.await();
                    long end = window[1];
                    long n = 0;
                    long t;
                    while ((t = System.nanoTime()) - end < 0) {
                        insert.executeUpdate();
                        h.recordValue(LoadStep.micros(System.nanoTime() - t));
                        n++;
                    }
                    count.addAndGet(n);
                } catch (SQLException | InterruptedException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                    ready.countDown();
                }
            }));
        }
        ready.await();
        window[0] = System.nanoTime();
        window[1] = window[0] + duration.toNanos();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - window[0]) / 1e9;
        if (!failures.isEmpty()) {
            throw new SQLException("PostgreSQL insert loop failed: " + failures.getFirst(), failures.getFirst());
        }
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("truncate bench.insert_probe");
        }
        Histogram all = new Histogram(LoadStep.HIGHEST, 3);
        latencies.forEach(all::add);
        return new Postgres(connections, seconds, count.get(), all, version, synchronousCommit, fsync);
    }

    static Kafka kafka(String bootstrapServers, Duration duration) throws Exception {
        createTopic(bootstrapServers);
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        byte[] value = new byte[RECORD_SIZE];
        Histogram latency = new Histogram(LoadStep.HIGHEST, 3);
        long roundTrips = 0;
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrapServers, 0);
                KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers, partition)) {
            // 1. One record at a time: produce, then poll until this consumer has it.
            producer.send(new ProducerRecord<>(TOPIC, 0, null, value)).get(); // connect, metadata
            drain(consumer, 1, Duration.ofSeconds(10));
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() - end < 0) {
                long t = System.nanoTime();
                producer.send(new ProducerRecord<>(TOPIC, 0, null, value));
                if (drain(consumer, 1, Duration.ofSeconds(10)) < 1) {
                    throw new IllegalStateException("Kafka round trip: no record back within 10 s");
                }
                latency.recordValue(LoadStep.micros(System.nanoTime() - t));
                roundTrips++;
            }
        }
        // 2. Flat out: a producer with Kafka's default batching, a consumer counting behind it.
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrapServers, 5);
                KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers, partition)) {
            AtomicLong errors = new AtomicLong();
            AtomicLong produced = new AtomicLong();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            Thread sender = Thread.ofPlatform().name("kafka-limit-producer").start(() -> {
                long n = 0;
                while (System.nanoTime() - end < 0) {
                    producer.send(new ProducerRecord<>(TOPIC, 0, null, value), (metadata, e) -> {
                        if (e != null) {
                            errors.incrementAndGet();
                        }
                    });
                    n++;
                }
                producer.flush();
                produced.set(n);
            });
            long received = 0;
            long lastReceived = start;
            long deadline = end + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() - deadline < 0) {
                int n = consumer.poll(Duration.ofMillis(100)).count();
                if (n > 0) {
                    received += n;
                    lastReceived = System.nanoTime();
                }
                if (!sender.isAlive() && received >= produced.get() - errors.get()) {
                    break;
                }
            }
            sender.join();
            return new Kafka(latency, roundTrips, received, (lastReceived - start) / 1e9, errors.get());
        }
    }

    private static int drain(KafkaConsumer<byte[], byte[]> consumer, int wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int got = 0;
        while (got < wanted && System.nanoTime() - deadline < 0) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
            got += records.count();
        }
        return got;
    }

    private static void createTopic(String bootstrapServers) throws InterruptedException, ExecutionException {
        Properties props = KafkaClients.config(bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            NewTopic topic = new NewTopic(TOPIC, 1, (short) 1)
                    .configs(Map.of("retention.ms", "600000", "segment.bytes", "67108864"));
            try {
                admin.createTopics(Set.of(topic)).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrapServers, int lingerMs) {
        Properties props = KafkaClients.config(bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-limits");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers, TopicPartition partition) {
        Properties props = KafkaClients.config(bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-limits");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props);
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        consumer.position(partition, Duration.ofSeconds(30));
        return consumer;
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
