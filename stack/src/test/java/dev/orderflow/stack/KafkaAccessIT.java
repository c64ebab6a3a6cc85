package dev.orderflow.stack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker as bin/stack runs it (LocalKafka's configuration and storage, SetUpKafka's users, ACLs and topics), in
 * this JVM: who may do what.
 */
class KafkaAccessIT {

    @TempDir
    static Path dir;

    private static KafkaRaftServer broker;
    private static String bootstrap;

    @BeforeAll
    static void start() throws Exception {
        LocalKafka.Options options =
                new LocalKafka.Options(freePort(), freePort(), dir.resolve("conf"), dir.resolve("data"));
        LocalKafka.prepare(options);
        Properties server = new Properties();
        try (var reader = Files.newBufferedReader(options.serverProperties())) {
            server.load(reader);
        }
        broker = new KafkaRaftServer(KafkaConfig.fromProps(server), Time.SYSTEM);
        broker.startup();
        bootstrap = "localhost:" + options.port();
        try (Admin admin = Admin.create(SetUpKafka.adminConfig(bootstrap, options.adminProperties()))) {
            KafkaAccess.ensure(admin);
            CreateTopics.ensure(admin, CreateTopics.defaultTopics());
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.shutdown();
            broker.awaitShutdown();
        }
    }

    @Test
    void aProducerAuthenticatedAsOrderServiceCannotWritePayment() {
        try (KafkaProducer<String, String> producer = producer(as("order-service"))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("payment", "alice", "OrderPaid"))
                            .get())
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void onlyBillingServiceWritesPaymentAndOnlyFulfillmentServiceWritesFulfillment() throws Exception {
        try (KafkaProducer<String, String> billing = producer(as("billing-service"))) {
            billing.send(new ProducerRecord<>("payment", "alice", "OrderPaid")).get();
        }
        for (String other : List.of("notification-service", "push-service", "fulfillment-service")) {
            try (KafkaProducer<String, String> producer = producer(as(other))) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>("payment", "alice", "OrderPaid"))
                                .get())
                        .as(other)
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
        try (KafkaProducer<String, String> fulfillment = producer(as("fulfillment-service"))) {
            fulfillment
                    .send(new ProducerRecord<>("fulfillment", "alice", "OrderDispatched"))
                    .get();
        }
        try (KafkaProducer<String, String> billing = producer(as("billing-service"))) {
            assertThatThrownBy(() -> billing.send(new ProducerRecord<>("fulfillment", "alice", "OrderDispatched"))
                            .get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aServiceProducesItsTopicAndItsDeadLettersAndConsumesWithItsGroup() throws Exception {
        try (KafkaProducer<String, String> order = producer(as("order-service"))) {
            order.send(new ProducerRecord<>("billing", "bob", "OrderPlaced")).get();
            order.send(new ProducerRecord<>("payment-dlt", "bob", "unreadable")).get();
        }
        try (KafkaConsumer<String, String> billing = consumer(as("billing-service"), "billing-service")) {
            billing.subscribe(List.of("billing"));
            List<String> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                billing.poll(Duration.ofMillis(200)).forEach(record -> seen.add(record.key() + ":" + record.value()));
                return seen.contains("bob:OrderPlaced");
            });
            billing.commitSync();
        }
    }

    @Test
    void aServiceCannotConsumeWithAnotherServicesGroupNorReadWhatItDoesNotConsume() {
        try (KafkaConsumer<String, String> order = consumer(as("order-service"), "billing-service")) {
            order.subscribe(List.of("payment"));
            assertThatThrownBy(() -> order.poll(Duration.ofSeconds(30)))
                    .isInstanceOf(GroupAuthorizationException.class);
        }
        try (KafkaConsumer<String, String> notification =
                consumer(as("notification-service"), "notification-service")) {
            notification.subscribe(List.of("billing"));
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 100; i++) {
                            notification.poll(Duration.ofMillis(300));
                        }
                    })
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theRedrivePrincipalWritesTheEventTopicsAndReadsNothing() throws Exception {
        try (KafkaProducer<String, String> redrive = producer(as(KafkaAccess.REDRIVE))) {
            redrive.send(new ProducerRecord<>("payment", "carol", "OrderPaid")).get();
            assertThatThrownBy(() -> redrive.send(new ProducerRecord<>("payment-dlt", "carol", "x"))
                            .get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    /** A client without SASL never gets past the connection: not even the topic's metadata reaches it. */
    @Test
    void anUnauthenticatedClientCannotConnect() {
        Map<String, Object> plaintext = new HashMap<>();
        plaintext.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        try (KafkaProducer<String, String> anonymous = producer(plaintext)) {
            assertThatThrownBy(() -> anonymous
                            .send(new ProducerRecord<>("billing", "mallory", "OrderPlaced"))
                            .get())
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TimeoutException.class);
        }
    }

    @Test
    void aClientWithAWrongPasswordIsRefused() {
        Map<String, Object> wrong = new HashMap<>();
        wrong.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        wrong.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        wrong.put(SaslConfigs.SASL_JAAS_CONFIG, LocalKafka.jaas("billing-service", "guessed"));
        try (KafkaProducer<String, String> impostor = producer(wrong)) {
            assertThatThrownBy(() -> impostor.send(new ProducerRecord<>("payment", "mallory", "OrderPaid"))
                            .get())
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static Map<String, Object> as(String principal) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, LocalKafka.jaas(principal));
        return config;
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> security) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> security, String group) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
