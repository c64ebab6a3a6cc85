package dev.orderflow.fulfillment;

import static org.awaitility.Awaitility.await;

import dev.orderflow.fulfillment.delivery.DeliveryDispatcher;
import dev.orderflow.fulfillment.rules.RuleMatcher;
import dev.orderflow.fulfillment.workflow.WorkflowEngine;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.KafkaTestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Not a test: measures the figures of issue 11 on this machine and prints them. Run with {@code -Dorderflow.figures=true
 * -Dit.test=FiguresIT}; skipped otherwise.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "orderflow.figures", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FiguresIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeliveryDispatcher deliveries;

    @Autowired
    WorkflowEngine workflows;

    @Autowired
    RuleMatcher matcher;

    @Test
    @Order(1)
    void apiDestinationDeliveriesPerSecond() {
        int n = 1000;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        try (TestReceiver receiver = new TestReceiver()) {
            put(
                    "/connections/fig-" + suffix,
                    "{\"authorization\": {\"type\": \"BASIC\", \"username\": \"u\", \"password\": \"p\"}}");
            put("/api-destinations/fig-" + suffix, """
                    {"endpoint": "%s", "httpMethod": "POST", "connection": "fig-%s"}""".formatted(receiver.url("/fig"), suffix));
            jdbc.sql("""
                            insert into deliveries (event_id, rule_name, target_id, target, input, matched_rules, event_time)
                            select 'fig-' || :suffix || '-' || i, 'fig', 'fig',
                                   cast(:target as jsonb), '{"n": ' || i || '}', '{fig}', now()
                            from generate_series(1, :n) i
                            """)
                    .param("suffix", suffix)
                    .param(
                            "target",
                            "{\"id\": \"fig\", \"type\": \"api-destination\", \"destination\": \"fig-" + suffix + "\"}")
                    .param("n", n)
                    .update();
            Instant start = Instant.now();
            deliveries.wakeUp();
            await().atMost(Duration.ofMinutes(5))
                    .until(() -> receiver.requests("/fig").size() >= n);
            report("API destination deliveries/s", n, start);
        }
    }

    @Test
    @Order(2)
    void workflowExecutionsPerSecond() {
        int n = 200;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now();
        jdbc.sql("""
                        insert into workflow_executions (id, workflow, event_id, order_id, input, current_step)
                        select 'eu-fulfillment:fig-' || :suffix || '-' || i, 'eu-fulfillment', 'fig-' || :suffix || '-' || i,
                               'fig-' || :suffix || '-' || i,
                               '{"detail": {"amount": 50.00, "items": [{"productCode": "pencil", "quantity": 1}]}}',
                               'reserve-stock'
                        from generate_series(1, :n) i
                        """).param("suffix", suffix).param("n", n).update();
        workflows.dispatcher().wakeUp();
        await().atMost(Duration.ofMinutes(5))
                .until(() -> jdbc.sql("""
                                select count(*) from workflow_executions
                                where event_id like :prefix and status = 'SUCCEEDED'
                                """)
                                .param("prefix", "fig-" + suffix + "-%")
                                .query(Long.class)
                                .single()
                        >= n);
        report("workflow executions/s (4 steps each, a 1 s carrier delay inside)", n, start);
    }

    @Test
    @Order(3)
    void replayedEventsPerSecond() {
        int n = 5000;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String source = "test.fig-" + suffix;
        Instant from = Instant.now();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            for (int i = 0; i < n; i++) {
                kafka.publish(Fixtures.custom(source, "{\"n\": " + i + "}"));
            }
        }
        put(
                "/rules/fig-" + suffix,
                Fixtures.rule(source, "{\"id\": \"log\", \"type\": \"log\", \"logGroup\": \"/fig\"}"));
        matcher.refresh();
        Instant to = Instant.now();
        http.post()
                .uri("/replays")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"name": "fig-%s", "from": "%s", "to": "%s", "rules": ["fig-%s"]}""".formatted(suffix, from, to, suffix))
                .exchange()
                .expectStatus()
                .isAccepted();
        await().atMost(Duration.ofMinutes(5)).until(() -> "COMPLETED"
                .equals(jdbc.sql("select state from replays where name = :name")
                        .param("name", "fig-" + suffix)
                        .query(String.class)
                        .single()));
        double seconds = jdbc.sql("select extract(epoch from finished_at - created_at) from replays where name = :name")
                .param("name", "fig-" + suffix)
                .query(Double.class)
                .single();
        System.out.printf(
                "FIGURE replayed events/s (read, matched, delivery recorded): %d events in %.2f s = %.0f/s%n",
                n, seconds, n / seconds);
    }

    private static void report(String what, int n, Instant start) {
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        System.out.printf("FIGURE %s: %d in %.2f s = %.0f/s%n", what, n, seconds, n / seconds);
    }

    private void put(String uri, String body) {
        http.put()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .is2xxSuccessful();
    }
}
