package dev.orderflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.Event;
import dev.orderflow.events.KafkaCloudEvents;
import dev.orderflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes events to, and reads records from, the test JVM's Kafka broker, the way another service would: CloudEvents
 * headers, JSON values, customerId keys. Reads are by assignment from the beginning of each partition, so they do not
 * depend on consumer-group timing.
 */
public final class KafkaTestClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;

    public KafkaTestClient() {
        this(TestInfrastructure.kafkaBootstrapServers());
    }

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Publishes a new event, as its service would, and returns it with its CloudEvents attributes. */
    public CloudEvent publish(Event event) {
        CloudEvent cloudEvent = CloudEvent.of("/test", event);
        publish(cloudEvent);
        return cloudEvent;
    }

    /** Publishes an event with the given attributes; publishing the same one twice is a redelivery. */
    public void publish(CloudEvent event) {
        send(KafkaCloudEvents.toRecord(event));
    }

    /** Publishes an event as a service would while in the trace of the {@code traceparent} (its header). */
    public void publish(CloudEvent event, String traceparent) {
        ProducerRecord<String, byte[]> record = KafkaCloudEvents.toRecord(event);
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));
        send(record);
    }

    /** Publishes any bytes with any headers, e.g. a poison record. */
    public void publishRaw(String topic, String key, byte[] value, Headers headers) {
        send(new ProducerRecord<>(topic, null, key, value, headers));
    }

    /** Publishes bytes that claim, in their headers, to be an event of the given type but are not. */
    public void publishGarbage(String topic, String key, String claimedType, byte[] value) {
        Headers headers = KafkaCloudEvents.headers(
                UUID.randomUUID().toString(), "/test", claimedType, java.time.Instant.now(), "garbage");
        publishRaw(topic, key, value, headers);
    }

    /**
     * Waits for a value that could not be read (see {@link #publishGarbage}) to reach the topic's dead-letter topic, as
     * it was, with the headers that say where it came from, what it claimed to be and why it could not be read: the
     * root cause names each of {@code rootCause}.
     */
    public void awaitUnreadableDeadLettered(
            String topic, String key, String claimedType, String value, String... rootCause) {
        ConsumerRecord<String, byte[]> dead = awaitRecord(Topics.deadLetter(topic), record -> key.equals(record.key()));
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo(value);
        assertThat(KafkaCloudEvents.headersAsText(dead.headers()))
                .containsEntry("kafka_dlt-original-topic", topic)
                .containsEntry("ce_type", claimedType)
                .containsKey("kafka_dlt-exception-message")
                .hasEntrySatisfying(
                        "orderflow_dlt-root-cause", cause -> assertThat(cause).contains(rootCause));
    }

    /** Every record now on the topic, oldest first within each partition. */
    public List<ConsumerRecord<String, byte[]>> records(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            return records;
        }
    }

    /** The events now on the topic whose subject (order or deposit id) is given, in publication order per key. */
    public List<CloudEvent> events(String topic, String subject) {
        return records(topic).stream()
                .filter(r -> subject.equals(KafkaCloudEvents.header(r.headers(), "ce_subject")))
                .map(r -> KafkaCloudEvents.fromRecord(r.headers(), r.value()))
                .toList();
    }

    /** Waits until a record on the topic matches, and returns it. */
    public ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        return await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> records(topic).stream().filter(match).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + record.topic(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
