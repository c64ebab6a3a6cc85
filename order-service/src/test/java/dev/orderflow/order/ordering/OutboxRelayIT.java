package dev.orderflow.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.BillingEvent;
import dev.orderflow.events.KafkaCloudEvents;
import dev.orderflow.platform.PlatformProperties;
import dev.orderflow.platform.observability.TraceContexts;
import dev.orderflow.platform.outbox.OutboxMetrics;
import dev.orderflow.platform.outbox.OutboxRelay;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.KafkaTestClient;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** An order accepted while its event cannot be published is not lost: the event goes out once publishing can. */
@IntegrationTest
class OutboxRelayIT {

    private static final KafkaTestClient kafka = new KafkaTestClient();

    @Autowired
    OrderManagement orders;

    @Autowired
    OutboxRelay relay;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void anOrderCommittedWhileTheRelayIsDownIsPublishedOnceItIsBack() {
        relay.stop();
        Order order;
        try {
            order = place("relay-down-" + UUID.randomUUID());
            assertThat(pendingFor(order)).isEqualTo(1);
            assertThat(publishedFor(order)).isZero();
        } finally {
            relay.start();
        }

        kafka.awaitRecord(BillingEvent.TOPIC, record -> isFor(order, record.headers()));
        assertThat(publishedFor(order)).isEqualTo(1);
        assertThat(pendingFor(order)).isZero();
    }

    @Test
    void anOrderCommittedWhileTheBrokerIsUnreachableIsKeptAndPublishedWhenItIsReachable() throws Exception {
        relay.stop();
        Order order;
        DefaultKafkaProducerFactory<Object, Object> unreachable = unreachableBroker();
        try {
            order = place("broker-down-" + UUID.randomUUID());
            OutboxRelay cutOff = new OutboxRelay(
                    jdbc,
                    new TransactionTemplate(transactions),
                    new KafkaTemplate<>(unreachable),
                    new PlatformProperties.Outbox(
                            500, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1)),
                    TraceContexts.NONE,
                    OutboxMetrics.NONE);

            assertThat(cutOff.publishPending()).isZero();
            assertThat(pendingFor(order)).isEqualTo(1);
        } finally {
            unreachable.destroy();
            relay.start();
        }

        kafka.awaitRecord(BillingEvent.TOPIC, record -> isFor(order, record.headers()));
        assertThat(publishedFor(order)).isEqualTo(1);
        assertThat(pendingFor(order)).isZero();
    }

    private Order place(String customerId) {
        return orders.place(new PlaceOrder(customerId, "eu", List.of(new PlaceOrder.Line("pen", 1)), null))
                .order();
    }

    private long pendingFor(Order order) {
        return jdbc.sql("select count(*) from outbox where subject = ?")
                .param(order.orderId().toString())
                .query(Long.class)
                .single();
    }

    private long publishedFor(Order order) {
        return kafka.records(BillingEvent.TOPIC).stream()
                .filter(record -> isFor(order, record.headers()))
                .count();
    }

    private static boolean isFor(Order order, org.apache.kafka.common.header.Headers headers) {
        return order.orderId().toString().equals(KafkaCloudEvents.header(headers, "ce_subject"));
    }

    /** A real Kafka producer pointed at a port where no broker listens. */
    private static DefaultKafkaProducerFactory<Object, Object> unreachableBroker() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "localhost:" + port,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                dev.orderflow.events.EventSerializer.class,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                1000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                1500,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                1000));
    }
}
