package dev.orderflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.DepositRequested;
import dev.orderflow.events.KafkaCloudEvents;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;

/**
 * {@code orderflow.consumer.lag} is the broker's view of a group: records published while its consumer does not run
 * are its lag on their partition, and processing them brings it back to zero.
 */
@IntegrationTest
class ConsumerLagIT {

    static final String TOPIC = "consumer-lag-it";
    static final String GROUP = "consumer-lag-it";
    static final String LISTENER = "consumer-lag-it";

    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    ConsumerLag lag;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeAll
    static void connect() {
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    void countsWhatAGroupHasNotProcessedPerPartitionUntilItsConsumerCatchesUp() throws Exception {
        for (int i = 0; i < 5; i++) {
            publish(0);
        }
        publish(1);

        lag.refresh();

        assertThat(gauge(0)).isEqualTo(5);
        assertThat(gauge(1)).isEqualTo(1);

        listeners.getListenerContainer(LISTENER).start();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            lag.refresh();
            assertThat(gauge(0)).isZero();
            assertThat(gauge(1)).isZero();
        });

        // a partition added later gets its gauge at the next reading
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
            admin.createPartitions(Map.of(TOPIC, NewPartitions.increaseTo(3)))
                    .all()
                    .get();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            lag.refresh();
            assertThat(meters.find(ConsumerLag.METER)
                            .tags("group", GROUP, "topic", TOPIC, "partition", "2")
                            .gauge())
                    .isNotNull();
        });
    }

    private double gauge(int partition) {
        Gauge gauge = meters.find(ConsumerLag.METER)
                .tags("group", GROUP, "topic", TOPIC, "partition", Integer.toString(partition))
                .gauge();
        assertThat(gauge).as("the gauge of partition %d", partition).isNotNull();
        return gauge.value();
    }

    private static void publish(int partition) throws InterruptedException, ExecutionException {
        CloudEvent event = CloudEvent.of(
                "/test", new DepositRequested(UUID.randomUUID(), "lag-" + partition, BigDecimal.ONE, "USD"));
        ProducerRecord<String, byte[]> record = KafkaCloudEvents.toRecord(event);
        producer.send(new ProducerRecord<>(TOPIC, partition, record.key(), record.value(), record.headers()))
                .get();
    }

    /** A listener that starts only when the test says so, so that its group lags meanwhile. */
    @TestConfiguration
    static class LaggingListener {

        @Bean
        NewTopic consumerLagTopic() {
            return TopicBuilder.name(TOPIC).partitions(2).build();
        }

        @KafkaListener(id = LISTENER, topics = TOPIC, groupId = GROUP, autoStartup = "false")
        void on(ConsumerRecord<String, Object> record) {
            // processing is all the test needs: the container commits the offsets after it
        }
    }
}
