package dev.orderflow.fulfillment.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentEvent;
import dev.orderflow.fulfillment.rules.RuleMatcher;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.KafkaTestClient;
import dev.orderflow.testsupport.TestInfrastructure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Replays of the archive: each matching event once, in per-key order, without moving the live consumers. */
@IntegrationTest
class ReplayIT {

    static final String GROUP = "fulfillment-service";

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuleMatcher matcher;

    @Test
    void replaysTheLastMinuteOnceInPerKeyOrderWithoutMovingTheLiveConsumers() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        List<String> customers = List.of("replay-a-" + suffix, "replay-b-" + suffix);
        List<OrderPaid> published = new ArrayList<>();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            for (int i = 0; i < 4; i++) {
                for (String customer : customers) {
                    OrderPaid paid = new OrderPaid(
                            UUID.randomUUID(),
                            customer,
                            new BigDecimal(i + 1 + ".00"),
                            new BigDecimal("50.00"),
                            "USD",
                            "ap-south",
                            List.of());
                    kafka.publish(paid);
                    published.add(paid);
                }
            }
        }
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
            // the live consumer has read them all before the replay starts
            await().atMost(Duration.ofSeconds(60)).until(() -> consumedToTheEnd(admin));
            Map<TopicPartition, OffsetAndMetadata> before = committed(admin);

            String group = "/test/replay-" + suffix;
            http.put()
                    .uri("/rules/{name}", "replay-" + suffix)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"eventPattern": {"detail-type": ["OrderPaid"], "detail": {"customerId": ["%s", "%s"]}},
                             "state": "ENABLED", "targets": [{"id": "log", "type": "log", "logGroup": "%s"}]}""".formatted(customers.get(0), customers.get(1), group))
                    .exchange()
                    .expectStatus()
                    .isCreated();
            matcher.refresh();

            Instant to = Instant.now();
            String replay = "replay-" + suffix;
            http.post()
                    .uri("/replays")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"name": "%s", "from": "%s", "to": "%s", "rules": ["replay-%s"]}""".formatted(replay, to.minusSeconds(60), to, suffix))
                    .exchange()
                    .expectStatus()
                    .isAccepted()
                    .expectBody()
                    .jsonPath("$.name")
                    .isEqualTo(replay);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> http.get()
                    .uri("/replays/{name}", replay)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.state")
                    .isEqualTo("COMPLETED")
                    .jsonPath("$.eventsReplayed")
                    .isEqualTo(8));
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(logged(group)).hasSize(8));
            List<String> orders = logged(group);
            for (String customer : customers) {
                List<String> expected = published.stream()
                        .filter(paid -> paid.customerId().equals(customer))
                        .map(paid -> paid.orderId().toString())
                        .toList();
                assertThat(orders.stream().filter(expected::contains).toList()).isEqualTo(expected);
            }
            assertThat(jdbc.sql("select count(*) from deliveries where replay_name = :replay")
                            .param("replay", replay)
                            .query(Long.class)
                            .single())
                    .isEqualTo(8);
            Map<TopicPartition, OffsetAndMetadata> after = committed(admin);
            assertThat(after).isEqualTo(before);
        }
    }

    @Test
    void refusesADuplicateNameAndARangeBackwardsOrInTheFuture() {
        String name = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        start(name, now.minusSeconds(10), now).expectStatus().isAccepted();
        start(name, now.minusSeconds(10), now).expectStatus().isEqualTo(409);
        start(name + "-b", now, now.minusSeconds(10)).expectStatus().isBadRequest();
        start(name + "-c", now, now.plusSeconds(3600)).expectStatus().isBadRequest();
        http.get().uri("/replays/{name}", name + "-b").exchange().expectStatus().isNotFound();
    }

    private RestTestClient.ResponseSpec start(String name, Instant from, Instant to) {
        return http.post()
                .uri("/replays")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"name": "%s", "from": "%s", "to": "%s"}""".formatted(name, from, to))
                .exchange();
    }

    /** The orders in the log group, in the order they were logged. */
    private List<String> logged(String group) {
        return jdbc.sql("select message::jsonb -> 'detail' ->> 'orderId' from log_entries where log_group = :group"
                        + " order by id")
                .param("group", group)
                .query(String.class)
                .list();
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin) throws Exception {
        return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(PaymentEvent.TOPIC))
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue()));
    }

    private static boolean consumedToTheEnd(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(admin);
        Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        return !committed.isEmpty()
                && committed.entrySet().stream()
                        .allMatch(entry -> entry.getValue().offset()
                                >= ends.get(entry.getKey()).offset());
    }
}
