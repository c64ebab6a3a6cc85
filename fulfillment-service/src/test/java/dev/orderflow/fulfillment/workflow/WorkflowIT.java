package dev.orderflow.fulfillment.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.OrderCreated;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.fulfillment.targets.Delivery;
import dev.orderflow.fulfillment.targets.Target;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.KafkaTestClient;
import dev.orderflow.testsupport.TestTraces;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The eu-fulfillment workflow: started once per event, run step by step, and resumed after a crash mid-way. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class WorkflowIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkflowEngine engine;

    @Autowired
    WorkflowTarget target;

    @Autowired
    DataSource dataSource;

    @Autowired
    Executions executions;

    /** ... and logs each step in the trace of the event that started it, so that bin/trace shows them. */
    @Test
    void anEuOrderPaidOnTheBusRunsEveryStepOnce(CapturedOutput output) {
        String customer = "wf-" + UUID.randomUUID();
        OrderPaid paid = new OrderPaid(
                UUID.randomUUID(),
                customer,
                new BigDecimal("12.50"),
                new BigDecimal("87.50"),
                "USD",
                "eu-west",
                List.of(new OrderCreated.Item("pencil", 5, new BigDecimal("2.50"))));
        String traceId = TestTraces.newTraceId();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.publish(CloudEvent.of("/test", paid), TestTraces.traceparent(traceId));
        }

        String orderId = paid.orderId().toString();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> http.get()
                .uri("/workflows/executions?orderId={id}", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].status")
                .isEqualTo("SUCCEEDED"));
        http.get()
                .uri("/workflows/executions?orderId={id}", orderId)
                .exchange()
                .expectBody()
                .jsonPath("$[0].workflow")
                .isEqualTo("eu-fulfillment")
                .jsonPath("$[0].steps[*].name")
                .isEqualTo(List.of("reserve-stock", "choose-carrier", "book-shipment", "await-confirmation"))
                .jsonPath("$[0].steps[*].status")
                .isEqualTo(List.of("SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED"))
                .jsonPath("$[0].steps[1].output.carrier")
                .isEqualTo("standard-parcel")
                .jsonPath("$[0].steps[0].input.orderId")
                .isEqualTo(orderId)
                .jsonPath("$[0].steps[3].startedAt")
                .exists();
        assertThat(output.getOut().lines())
                .filteredOn(line -> line.contains("Workflow eu-fulfillment:") && line.contains("of order " + orderId))
                .allSatisfy(line -> assertThat(line).contains(traceId))
                .filteredOn(line -> line.contains(" succeeded"))
                .hasSize(4);
    }

    @Test
    void resumesAfterACrashBetweenStepsAndMidStepWithEachEffectOnce() {
        String orderId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        Delivery delivery = delivery(eventId, orderId, "250.00");
        TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        engine.dispatcher().stop();
        try {
            // the delivery is made twice (a crash after the call, before its record): one execution
            transactions.executeWithoutResult(status -> target.deliver(delivery));
            transactions.executeWithoutResult(status -> target.deliver(delivery));
            String id = "eu-fulfillment:" + eventId;
            assertThat(count("select count(*) from workflow_executions where event_id = '" + eventId + "'"))
                    .isEqualTo(1);

            // two steps commit, each with its effect and record
            runOneStep(transactions, id, false);
            runOneStep(transactions, id, false);
            assertThat(stepNames(id)).containsExactly("reserve-stock", "choose-carrier");

            // the third runs, books the shipment, and the process dies before the commit
            runOneStep(transactions, id, true);
            assertThat(count("select count(*) from shipments where order_id = '" + orderId + "'"))
                    .isZero();
            assertThat(stepNames(id)).containsExactly("reserve-stock", "choose-carrier");
        } finally {
            // the restarted worker is the recovery: it finds the execution due and goes on where it was
            engine.dispatcher().start();
        }

        String id = "eu-fulfillment:" + eventId;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> http.get()
                .uri("/workflows/executions/{id}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("SUCCEEDED"));
        http.get()
                .uri("/workflows/executions/{id}", id)
                .exchange()
                .expectBody()
                .jsonPath("$.steps[*].name")
                .isEqualTo(List.of("reserve-stock", "choose-carrier", "book-shipment", "await-confirmation"))
                .jsonPath("$.steps[*].attempts")
                .isEqualTo(List.of(1, 1, 1, 1))
                .jsonPath("$.steps[1].output.carrier")
                .isEqualTo("express-freight");
        assertThat(count("select count(*) from stock_reservations where order_id = '" + orderId + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from shipments where order_id = '" + orderId
                        + "' and confirmed_at is not null"))
                .isEqualTo(1);
    }

    @Test
    void anUnknownExecutionIsA404Problem() {
        http.get()
                .uri("/workflows/executions/{id}", "nope")
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get().uri("/workflows/executions").exchange().expectStatus().isBadRequest();
    }

    /**
     * Locks the execution and runs its current step in one transaction, as the (stopped) worker would; {@code crash}
     * rolls it back. The other due executions it locks on the way are let go with the transaction.
     */
    private void runOneStep(TransactionTemplate transactions, String id, boolean crash) {
        transactions.executeWithoutResult(status -> {
            Execution execution = executions.lockDue(Instant.now().plusSeconds(60), Integer.MAX_VALUE).stream()
                    .filter(due -> due.id().equals(id))
                    .findFirst()
                    .orElseThrow();
            engine.handle(execution);
            if (crash) {
                status.setRollbackOnly();
            }
        });
    }

    private List<String> stepNames(String id) {
        return jdbc.sql("select name from workflow_steps where execution_id = :id order by seq")
                .param("id", id)
                .query(String.class)
                .list();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static Delivery delivery(String eventId, String orderId, String amount) {
        String envelope = """
                {"version": "0", "id": "%s", "detail-type": "OrderPaid", "source": "orderflow.billing",
                 "detail": {"orderId": "%s", "customerId": "c", "amount": %s, "location": "eu-west",
                            "items": [{"productCode": "pencil", "quantity": 2, "unitPrice": 2.50}]}}""".formatted(eventId, orderId, amount);
        Target workflow = Target.of(JSON.readTree("""
                {"id": "eu-fulfillment", "type": "workflow", "workflow": "eu-fulfillment"}"""));
        return new Delivery(1, eventId, "test", workflow, envelope, List.of("test"), Instant.now(), 0, "");
    }
}
