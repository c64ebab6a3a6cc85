package dev.orderflow.platform.kafka;

import dev.orderflow.events.EventDeserializer;
import dev.orderflow.events.EventSerializer;
import dev.orderflow.events.Topics;
import dev.orderflow.platform.PlatformProperties;
import dev.orderflow.platform.database.DatabaseOutage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How every service talks to Kafka. Values are events typed by their {@code ce_type} header; a record that cannot be
 * read, or whose processing keeps failing, is retried a bounded number of times with backoff and then published, with
 * the failure in its headers, to {@code <topic>-dlt}, and the consumer goes on. Offsets are committed after the
 * listener returns, that is after its database transaction.
 *
 * <p>A service instance runs one consumer per listener (Spring's default concurrency of 1): it takes every partition
 * and hands each poll to the {@link dev.orderflow.platform.inbox.Inbox} as one transaction, so the busier it gets, the
 * larger and cheaper its batches. On two cores that beat three consumers per listener (docs/performance.md); scale out
 * with instances, or raise {@code spring.kafka.listener.concurrency} where there are cores to spare.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    /** The dead-letter header with the root cause of the failure, as {@code class: message}. */
    public static final String ROOT_CAUSE_HEADER = "orderflow_dlt-root-cause";

    @Bean
    DefaultKafkaConsumerFactoryCustomizer eventDeserialization() {
        return factory -> {
            @SuppressWarnings({"unchecked", "rawtypes"})
            DefaultKafkaConsumerFactory events = factory;
            events.setKeyDeserializer(new StringDeserializer());
            events.setValueDeserializer(new ErrorHandlingDeserializer<>(new EventDeserializer()));
            if (!events.getConfigurationProperties().containsKey(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)) {
                // A service that starts after events were published still processes them.
                events.updateConfigs(Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
            }
        };
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer eventSerialization() {
        return factory -> {
            @SuppressWarnings({"unchecked", "rawtypes"})
            DefaultKafkaProducerFactory events = factory;
            events.setKeySerializer(new StringSerializer());
            events.setValueSerializer(new EventSerializer());
            events.updateConfigs(
                    Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
            if (!events.getConfigurationProperties().containsKey(ProducerConfig.LINGER_MS_CONFIG)) {
                // The outbox relay hands a whole batch over and then waits for its acknowledgements, so lingering
                // (5 ms by default since Kafka 4.0) adds no batching, only 5 ms to every hop of the saga.
                events.updateConfigs(Map.of(ProducerConfig.LINGER_MS_CONFIG, 0));
            }
        };
    }

    @Bean
    CommonErrorHandler deadLetterErrorHandler(
            KafkaTemplate<Object, Object> kafka, PlatformProperties properties, ObjectProvider<MeterRegistry> meters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                kafka, (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        // spring-kafka's kafka_dlt-exception-* headers name the outermost exception ("failed to deserialize");
        // the root cause says what is actually wrong with the record.
        recoverer.addHeadersFunction((record, failure) -> {
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
            return new RecordHeaders()
                    .add(ROOT_CAUSE_HEADER, String.valueOf(cause).getBytes(StandardCharsets.UTF_8));
        });
        PlatformProperties.Kafka settings = properties.kafka();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(settings.retries());
        backOff.setInitialInterval(settings.retryInterval().toMillis());
        backOff.setMultiplier(2.0);
        MeterRegistry registry = meters.getIfAvailable();
        DefaultErrorHandler handler = new DefaultErrorHandler(
                registry == null ? recoverer : countingDeadLetters(recoverer, registry), backOff);
        // An event that breaks a rule (a negative amount, an unknown account for a foreign deposit) fails the same way
        // however often it is retried: dead-letter it at once, as spring-kafka does with records it cannot read.
        handler.addNotRetryableExceptions(IllegalArgumentException.class);
        // The service's own database being unreachable is an outage, not poison: hold the record (and the partition
        // behind it, so order is kept) and retry until the database is back, instead of dead-lettering everything.
        handler.setBackOffFunction((record, failure) -> isDatabaseOutage(failure) ? untilTheDatabaseIsBack() : null);
        return handler;
    }

    /**
     * Static group membership per listener: with {@code group.instance.id} set (bin/stack sets it to the service's
     * name, so that a restarted service takes its partitions back at once), every listener container of the service
     * would join its group under the same id, and the broker fences all but one: a service with two listeners (e.g.
     * {@code payment} and {@code fulfillment}) would stop consuming one of them. Each container gets the id followed by
     * its topics instead; spring-kafka then adds each consumer thread's index.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> groupInstanceIdPerListener(
            KafkaProperties kafka) {
        return container -> {
            String base = kafka.getConsumer().getProperties().get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
            String[] topics = container.getContainerProperties().getTopics();
            if (base == null || base.isBlank() || topics == null) {
                return;
            }
            String id = (base + "-" + String.join("-", topics)).replaceAll("[^a-zA-Z0-9._-]", "-");
            container
                    .getContainerProperties()
                    .getKafkaConsumerProperties()
                    .setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id);
        };
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, KafkaProperties kafka) {
        // The first Kafka client a service makes (KafkaAdmin's and the listeners' come after every singleton).
        KafkaCredentials.check(kafka);
        return new KafkaHealthIndicator(kafkaAdmin);
    }

    /**
     * The consumer lag of the service's groups, per topic and partition, read from the broker every
     * {@code orderflow.platform.kafka.lag-interval} (docs/observability.md). The groups and topics are those of the
     * listener containers, asked at every reading.
     */
    @Bean
    ConsumerLag consumerLag(
            KafkaAdmin kafkaAdmin,
            ObjectProvider<KafkaListenerEndpointRegistry> listeners,
            ObjectProvider<MeterRegistry> meters,
            PlatformProperties properties) {
        MeterRegistry registry = meters.getIfAvailable();
        // without a meter registry (never in a service: the platform brings Prometheus's) nothing is read
        Duration interval = registry != null ? properties.kafka().lagInterval() : Duration.ZERO;
        return new ConsumerLag(
                kafkaAdmin.getConfigurationProperties(),
                () -> {
                    KafkaListenerEndpointRegistry registered = listeners.getIfAvailable();
                    return registered == null
                            ? Map.of()
                            : ConsumerLag.topicsByGroup(registered.getAllListenerContainers());
                },
                registry != null ? registry : new SimpleMeterRegistry(),
                interval);
    }

    /**
     * Counts what the recoverer dead-lettered as {@code orderflow.kafka.dead.letters}, tagged with the topic the
     * record came from (the counter moves only once the dead-letter topic has the record).
     */
    static ConsumerRecordRecoverer countingDeadLetters(ConsumerRecordRecoverer recoverer, MeterRegistry registry) {
        return (record, failure) -> {
            recoverer.accept(record, failure);
            Counter.builder("orderflow.kafka.dead.letters")
                    .description("Records published to a dead-letter topic, by the topic they came from")
                    .tag("topic", record.topic())
                    .register(registry)
                    .increment();
        };
    }

    /** Whether the failure means the database could not be reached, rather than that the record is bad. */
    static boolean isDatabaseOutage(Throwable failure) {
        return DatabaseOutage.isCause(failure);
    }

    /** Retries forever, half a second at first, then every 10 s at most. */
    static BackOff untilTheDatabaseIsBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        return backOff;
    }

    /** Every topic and its dead-letter topic, created if missing, with the same partitions. */
    @Bean
    KafkaAdmin.NewTopics orderflowTopics(PlatformProperties properties) {
        int partitions = properties.kafka().partitions();
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .flatMap(topic -> java.util.stream.Stream.of(topic, Topics.deadLetter(topic)))
                .map(topic -> TopicBuilder.name(topic).partitions(partitions).build())
                .toArray(NewTopic[]::new));
    }
}
