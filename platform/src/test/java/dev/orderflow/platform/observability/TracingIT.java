package dev.orderflow.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.BillingEvent;
import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.DepositRequested;
import dev.orderflow.platform.inbox.Inbox;
import dev.orderflow.platform.outbox.Outbox;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.KafkaTestClient;
import dev.orderflow.testsupport.TestTraces;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trace goes through the outbox: the record the relay publishes continues the trace of the transaction that wrote
 * the row, and what a consumer publishes while processing a record continues the trace of that record.
 */
@IntegrationTest
class TracingIT {

    private static final KafkaTestClient kafka = new KafkaTestClient();

    @Autowired
    Outbox outbox;

    @Autowired
    Inbox inbox;

    @Autowired
    Tracer tracer;

    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void thePublishedRecordContinuesTheTraceOfTheTransactionThatWroteTheRow() {
        String customer = "traced-" + UUID.randomUUID();
        Span request = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            new TransactionTemplate(transactionManager)
                    .executeWithoutResult(status -> outbox.publish(deposit(customer)));
        } finally {
            request.end();
        }

        ConsumerRecord<String, byte[]> published =
                kafka.awaitRecord(BillingEvent.TOPIC, record -> customer.equals(record.key()));

        String traceparent = traceparent(published);
        assertThat(TraceContexts.traceId(traceparent))
                .isEqualTo(request.context().traceId());
        assertThat(traceparent)
                .as("the relay's producer span is a child in the trace, not the request's span itself")
                .doesNotContain(request.context().spanId());
    }

    @Test
    void anEventPublishedWhileProcessingARecordContinuesTheRecordsTrace() {
        String traceId = TestTraces.newTraceId();
        String consumedCustomer = "consumed-" + UUID.randomUUID();
        String followUpCustomer = "follow-up-" + UUID.randomUUID();
        ConsumerRecord<String, DepositRequested> consumed =
                new ConsumerRecord<>(BillingEvent.TOPIC, 0, 0, consumedCustomer, deposit(consumedCustomer));
        consumed.headers()
                .add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .add("traceparent", TestTraces.traceparent(traceId).getBytes(StandardCharsets.US_ASCII));

        inbox.receive(List.of(consumed), (event, eventId) -> outbox.publish(deposit(followUpCustomer)));

        ConsumerRecord<String, byte[]> followUp =
                kafka.awaitRecord(BillingEvent.TOPIC, record -> followUpCustomer.equals(record.key()));
        assertThat(TraceContexts.traceId(traceparent(followUp))).isEqualTo(traceId);
    }

    private static String traceparent(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("traceparent");
        assertThat(header).as("traceparent header").isNotNull();
        return new String(header.value(), StandardCharsets.US_ASCII);
    }

    private static DepositRequested deposit(String customer) {
        return new DepositRequested(UUID.randomUUID(), customer, BigDecimal.ONE, "USD");
    }
}
