package dev.orderflow.fulfillment.deadletters;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.KafkaCloudEvents;
import dev.orderflow.events.Topics;
import dev.orderflow.fulfillment.delivery.DeadLetterRelay;
import dev.orderflow.fulfillment.delivery.DeliveryDispatcher;
import dev.orderflow.platform.kafka.KafkaConfiguration;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the dead-letter topics ({@code billing-dlt}, {@code payment-dlt}, {@code fulfillment-dlt}) with a consumer of
 * its own (assigned partitions, no group, nothing committed) and redrives what a filter selects.
 *
 * <p>A redrive sends a record back where it failed: a record that spring-kafka dead-lettered goes to its source topic
 * with its original key, value and CloudEvents headers, the {@code kafka_dlt-*} and {@code orderflow_dlt-*} headers
 * dropped; a delivery that fulfillment-service gave up (header {@value DeadLetterRelay#DELIVERY}) is made due again
 * with its attempts reset. Each dead letter is redriven at most once: its topic, partition and offset are recorded in
 * the transaction that commits only after the broker acknowledged the resend, so a crash in between may send it once
 * more, which the idempotent consumers absorb.
 *
 * <p>The resend goes out as the {@code fulfillment-redrive} principal ({@link RedriveProperties}), the only one besides
 * their publishers that may write {@code billing} and {@code payment}; the service's listeners and outbox never hold
 * its credentials.
 */
@Service
@EnableConfigurationProperties(RedriveProperties.class)
public class DeadLetters {

    public static final List<String> TOPICS =
            Topics.ALL.stream().map(Topics::deadLetter).toList();

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_SCAN = 100_000;

    private final Map<String, Object> consumerConfig;
    /** {@code null} where the broker needs SASL and the redrive has no credentials of its own. */
    private final KafkaProducer<String, byte[]> producer;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final DeliveryDispatcher deliveries;

    DeadLetters(
            KafkaProperties kafka,
            RedriveProperties redrive,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            DeliveryDispatcher deliveries) {
        // The service's connection and credentials (spring.kafka.*, SASL included), without its consumer group.
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumerConfig = Map.copyOf(consumer);
        Map<String, Object> producer = redriveProducerConfig(kafka.buildProducerProperties(), redrive);
        this.producer = producer == null
                ? null
                : new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer());
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.deliveries = deliveries;
    }

    /**
     * The redrive producer's configuration: the service's connection ({@code spring.kafka.*}) with, where it uses SASL,
     * the redrive principal's SCRAM credentials instead of the service's; {@code null} when SASL is used and the
     * redrive has no password.
     */
    static Map<String, Object> redriveProducerConfig(Map<String, Object> service, RedriveProperties redrive) {
        Map<String, Object> producer = new HashMap<>(service);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        Object protocol = producer.get("security.protocol");
        if (protocol == null || !protocol.toString().toUpperCase(Locale.ROOT).startsWith("SASL_")) {
            return producer;
        }
        if (!redrive.hasCredentials()) {
            return null;
        }
        producer.put(
                SaslConfigs.SASL_JAAS_CONFIG,
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"%s\" password=\"%s\";"
                        .formatted(jaasQuoted(redrive.kafkaUsername()), jaasQuoted(redrive.kafkaPassword())));
        return producer;
    }

    private static String jaasQuoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** The topic's newest dead letters, newest first. */
    public List<DeadLetter> list(String topic, int limit) {
        requireKnown(topic);
        List<ConsumerRecord<String, byte[]>> records = read(topic, limit);
        Set<String> redriven = redriven(topic);
        return records.stream()
                .sorted(Comparator.<ConsumerRecord<String, byte[]>>comparingLong(ConsumerRecord::timestamp)
                        .thenComparingLong(ConsumerRecord::offset)
                        .reversed())
                .limit(limit)
                .map(record -> letter(record, redriven))
                .toList();
    }

    /** Redrives the dead letters the filter selects that were not redriven before; how many it redrove. */
    public int redrive(RedriveFilter filter) {
        requireKnown(filter.topic());
        Set<String> redriven = redriven(filter.topic());
        int count = 0;
        for (ConsumerRecord<String, byte[]> record : read(filter.topic(), MAX_SCAN)) {
            DeadLetter letter = letter(record, redriven);
            if (!letter.redriven() && filter.matches(letter) && redriveOnce(record, letter)) {
                count++;
            }
        }
        return count;
    }

    private boolean redriveOnce(ConsumerRecord<String, byte[]> record, DeadLetter letter) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            int marked = jdbc.sql("""
                            insert into redriven_dead_letters (topic, partition, record_offset, event_id)
                            values (:topic, :partition, :offset, :eventId)
                            on conflict do nothing
                            """)
                    .param("topic", record.topic())
                    .param("partition", record.partition())
                    .param("offset", record.offset())
                    .param("eventId", letter.ceId())
                    .update();
            if (marked == 0) {
                return false;
            }
            String delivery = KafkaCloudEvents.header(record.headers(), DeadLetterRelay.DELIVERY);
            if (delivery != null) {
                jdbc.sql("""
                                update deliveries set status = 'PENDING', attempts = 0, next_attempt_at = now(),
                                    finished_at = null, dead_lettered_at = null
                                where id = :id and status = 'FAILED'
                                """).param("id", Long.parseLong(delivery)).update();
                deliveries.wakeUpAfterCommit();
                return true;
            }
            send(record);
            return true;
        }));
    }

    private void send(ConsumerRecord<String, byte[]> record) {
        String source = KafkaCloudEvents.header(record.headers(), "kafka_dlt-original-topic");
        if (source == null) {
            source = record.topic().substring(0, record.topic().length() - "-dlt".length());
        }
        if (producer == null) {
            throw new RedriveUnavailableException(
                    "dead letters of " + record.topic()
                            + " go back to Kafka as the fulfillment-redrive principal, whose credentials are not configured:"
                            + " set orderflow.fulfillment.redrive.kafka-password (ORDERFLOW_FULFILLMENT_REDRIVE_KAFKA_PASSWORD)");
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!isErrorHeader(header.key())) {
                headers.add(header);
            }
        }
        try {
            producer.send(new ProducerRecord<>(source, null, record.key(), record.value(), headers))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while redriving to " + source, e);
        } catch (Exception e) {
            throw new IllegalStateException("could not redrive a dead letter to " + source + ": " + e, e);
        }
    }

    static boolean isErrorHeader(String key) {
        return key.startsWith("kafka_dlt-") || key.startsWith("orderflow_");
    }

    private Set<String> redriven(String topic) {
        return Set.copyOf(
                jdbc.sql("""
                        select partition || ':' || record_offset from redriven_dead_letters where topic = :topic
                        """).param("topic", topic).query(String.class).list());
    }

    /** Up to {@code limit} of the newest records of each partition. */
    private List<ConsumerRecord<String, byte[]>> read(String topic, int limit) {
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(begin.get(partition), end.get(partition) - limit));
            }
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos() * 3;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " in time");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                }
            }
            return records;
        }
    }

    private static DeadLetter letter(ConsumerRecord<String, byte[]> record, Set<String> redriven) {
        Map<String, String> errors = new TreeMap<>();
        for (Header header : record.headers()) {
            if (isErrorHeader(header.key()) && !header.key().equals("kafka_dlt-exception-stacktrace")) {
                errors.put(header.key(), text(header));
            }
        }
        return new DeadLetter(
                record.topic(),
                record.partition(),
                record.offset(),
                Instant.ofEpochMilli(record.timestamp()),
                record.key(),
                KafkaCloudEvents.header(record.headers(), CloudEventHeaders.ID),
                KafkaCloudEvents.header(record.headers(), CloudEventHeaders.TYPE),
                errors,
                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8),
                redriven.contains(record.partition() + ":" + record.offset()));
    }

    /** spring-kafka writes the original partition, offset and timestamp as binary numbers; the rest is text. */
    private static String text(Header header) {
        byte[] value = header.value();
        if (value == null) {
            return null;
        }
        boolean number = header.key().equals("kafka_dlt-original-partition")
                || header.key().equals("kafka_dlt-original-offset")
                || header.key().equals("kafka_dlt-original-timestamp");
        if (number && value.length == Integer.BYTES) {
            return String.valueOf(java.nio.ByteBuffer.wrap(value).getInt());
        }
        if (number && value.length == Long.BYTES) {
            return String.valueOf(java.nio.ByteBuffer.wrap(value).getLong());
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    private static void requireKnown(String topic) {
        if (topic == null || !TOPICS.contains(topic)) {
            throw new IllegalArgumentException("topic must be one of " + String.join(", ", TOPICS));
        }
    }

    /** The root-cause header's name, for readers of {@link DeadLetter#errorHeaders()}. */
    public static final String ROOT_CAUSE = KafkaConfiguration.ROOT_CAUSE_HEADER;
}
