package dev.orderflow.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
record Limits(Postgres postgres, Kafka kafka) {

    static final String TOPIC = "bench-roundtrip";
    static final int RECORD_SIZE = 500;

    /** PostgreSQL's single-row insert transactions; {@code latency} in microseconds. */
    record Postgres(
            String tool,
            int connections,
            double seconds,
            long transactions,
            double transactionsPerSecond,
            @JsonProperty("latencyMs") Histogram latency,
            String server,
            @JsonProperty("synchronous_commit") String synchronousCommit,
            String fsync) {

        /** {@code settings}: the server's version, {@code synchronous_commit} and {@code fsync}. */
        static Postgres of(int connections, double seconds, long transactions, Histogram latency, String... settings) {
            return new Postgres(
                    "JDBC loop: insert into bench.insert_probe, autocommit",
                    connections,
                    StepResult.round(seconds),
                    transactions,
                    StepResult.round(transactions / seconds),
                    latency,
                    settings[0],
                    settings[1],
                    settings[2]);
        }
    }

    /** Kafka's round trip one record at a time ({@code latency}, microseconds) and flat out (records per second). */
    record Kafka(
            String tool,
            int recordBytes,
            @JsonProperty("roundTripLatencyMs") Histogram latency,
            double recordsPerSecond,
            double megabytesPerSecond,
            long records,
            double seconds,
            long produceErrors) {

        static Kafka of(Histogram latency, long records, double seconds, long produceErrors) {
            double perSecond = seconds <= 0 ? 0 : records / seconds;
            return new Kafka(
                    "own producer (acks=all, idempotent) and consumer on topic " + TOPIC,
                    RECORD_SIZE,
                    latency,
                    StepResult.round(perSecond),
                    StepResult.round(perSecond * RECORD_SIZE / 1e6),
                    records,
                    StepResult.round(seconds),
                    produceErrors);
        }
    }

    /** Both limits, against the servers {@code options} name. */
    static Limits measure(BenchOptions o) throws Exception {
        return new Limits(
                postgres(o.jdbcUrl(), o.dbUser(), o.dbPassword(), o.pgConnections(), o.limitDuration()),
                kafka(o.bootstrapServers(), o.limitDuration()));
    }

    private static Postgres postgres(String url, String user, String password, int connections, Duration duration)
            throws SQLException, InterruptedException {
        String[] settings;
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("create schema if not exists bench");
            s.execute("create table if not exists bench.insert_probe (id bigserial primary key,"
                    + " payload text not null, created_at timestamptz not null default now())");
            s.execute("truncate bench.insert_probe");
            try (ResultSet rs = s.executeQuery("select current_setting('server_version'),"
                    + " current_setting('synchronous_commit'), current_setting('fsync')")) {
                rs.next();
                settings = new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
            }
        }
        // every connection connects and warms its statement; then all insert from the same moment for duration
        long[] window = new long[2];
        CyclicBarrier ready = new CyclicBarrier(connections, () -> {
            window[0] = System.nanoTime();
            window[1] = window[0] + duration.toNanos();
        });
        Histogram all = new Histogram(LoadStep.HIGHEST, 3);
        try (ExecutorService loops = Executors.newFixedThreadPool(connections)) {
            List<Future<Histogram>> histograms = IntStream.range(0, connections)
                    .mapToObj(i -> loops.submit(() -> {
                        Histogram h = new Histogram(LoadStep.HIGHEST, 3);
                        try (Connection c = DriverManager.getConnection(url, user, password);
                                PreparedStatement insert =
                                        c.prepareStatement("insert into bench.insert_probe (payload) values (?)")) {
                            c.setAutoCommit(true);
                            insert.setString(1, "x".repeat(100));
                            insert.executeUpdate(); // warm the statement
                            ready.await(60, TimeUnit.SECONDS);
                            long t;
                            while ((t = System.nanoTime()) - window[1] < 0) {
                                insert.executeUpdate();
                                h.recordValue(LoadStep.micros(System.nanoTime() - t));
                            }
                        }
                        return h;
                    }))
                    .toList();
            for (Future<Histogram> h : histograms) {
                all.add(h.get());
            }
        } catch (ExecutionException e) {
            throw new SQLException("PostgreSQL insert loop failed: " + e.getCause(), e.getCause());
        }
        double seconds = (System.nanoTime() - window[0]) / 1e9;
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("truncate bench.insert_probe");
        }
        return Postgres.of(connections, seconds, all.getTotalCount(), all, settings);
    }

    private static Kafka kafka(String bootstrapServers, Duration duration) throws Exception {
        try (Admin admin = Admin.create(Suite.kafkaConfig(bootstrapServers))) {
            admin.createTopics(Set.of(new NewTopic(TOPIC, 1, (short) 1)
                            .configs(Map.of("retention.ms", "600000", "segment.bytes", "67108864"))))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        byte[] value = new byte[RECORD_SIZE];
        Histogram latency = new Histogram(LoadStep.HIGHEST, 3);
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrapServers, 0);
                KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            // 1. One record at a time: produce, then poll until this consumer has it.
            producer.send(new ProducerRecord<>(TOPIC, 0, null, value)).get(); // connect, metadata
            receiveOne(consumer);
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() - end < 0) {
                long t = System.nanoTime();
                producer.send(new ProducerRecord<>(TOPIC, 0, null, value));
                if (!receiveOne(consumer)) {
                    throw new IllegalStateException("Kafka round trip: no record back within 10 s");
                }
                latency.recordValue(LoadStep.micros(System.nanoTime() - t));
            }
        }
        // 2. Flat out: a producer with Kafka's default batching, a consumer counting behind it.
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrapServers, 5);
                KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            AtomicLong errors = new AtomicLong();
            AtomicLong produced = new AtomicLong();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            Thread sender = Thread.ofPlatform().name("kafka-limit-producer").start(() -> {
                long n = 0;
                for (; System.nanoTime() - end < 0; n++) {
                    producer.send(new ProducerRecord<>(TOPIC, 0, null, value), (metadata, e) -> {
                        if (e != null) {
                            errors.incrementAndGet();
                        }
                    });
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
            return Kafka.of(latency, received, (lastReceived - start) / 1e9, errors.get());
        }
    }

    /** Polls until a record arrives, at most 10 s; whether one did. */
    private static boolean receiveOne(KafkaConsumer<byte[], byte[]> consumer) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() - deadline < 0) {
            if (!consumer.poll(Duration.ofMillis(100)).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrapServers, int lingerMs) {
        Properties props = Suite.kafkaConfig(bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-limits");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A consumer of the scratch topic's one partition, from its current end. */
    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        Properties props = Suite.kafkaConfig(bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-limits");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        consumer.position(partition, Duration.ofSeconds(30));
        return consumer;
    }
}
