package dev.orderflow.fulfillment.delivery;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.FulfillmentEvent;
import dev.orderflow.events.Topics;
import dev.orderflow.platform.kafka.KafkaConfiguration;
import dev.orderflow.platform.work.BackgroundWorker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes given-up deliveries to {@code fulfillment-dlt}, at least once: the {@code FAILED} row is the outbox of its
 * dead letter. The relay sends what is not yet acknowledged, waits for the broker's acknowledgement, and only then
 * marks the rows, in the transaction that locked them; a crash in between sends them again.
 *
 * <p>A dead letter's key is the event id, its value the input the target refused, and its headers say why:
 * {@value #RULE}, {@value #TARGET}, {@value #TARGET_TYPE}, {@value #ATTEMPTS}, the last error in {@value
 * KafkaConfiguration#ROOT_CAUSE_HEADER} (as for the other dead-letter topics), and {@code ce_id}.
 */
@Component
public class DeadLetterRelay extends BackgroundWorker {

    public static final String TOPIC = Topics.deadLetter(FulfillmentEvent.TOPIC);
    public static final String RULE = "orderflow_rule";
    public static final String TARGET = "orderflow_target";
    public static final String TARGET_TYPE = "orderflow_target-type";
    public static final String ATTEMPTS = "orderflow_attempts";
    public static final String DELIVERY = "orderflow_delivery";

    private static final int BATCH = 100;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Deliveries deliveries;
    private final KafkaTemplate<Object, Object> kafka;
    private final TransactionTemplate transactions;
    private final DeliveryMetrics metrics;

    DeadLetterRelay(
            Deliveries deliveries,
            KafkaTemplate<Object, Object> kafka,
            TransactionTemplate transactions,
            DeliveryMetrics metrics) {
        super("dead-letter-relay", Duration.ofSeconds(5), Duration.ofSeconds(5));
        this.deliveries = deliveries;
        this.kafka = kafka;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    @Override
    protected void work() {
        while (isRunning() && Boolean.TRUE.equals(transactions.execute(status -> relayBatch()))) {
            // until nothing is left
        }
    }

    /** Whether a full batch was sent, so that more may be waiting. */
    private boolean relayBatch() {
        List<StoredDelivery> failed = deliveries.lockUndeadLettered(BATCH);
        if (failed.isEmpty()) {
            return false;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (StoredDelivery delivery : failed) {
            sends.add(kafka.send(record(delivery)));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing dead letters", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish dead letters to " + TOPIC + ": " + e, e);
        }
        deliveries.markDeadLettered(failed.stream().map(StoredDelivery::id).toList(), Instant.now());
        failed.forEach(delivery -> metrics.deadLettered(delivery.ruleName(), delivery.targetId()));
        return failed.size() == BATCH;
    }

    private static ProducerRecord<Object, Object> record(StoredDelivery delivery) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, bytes(delivery.eventId()));
        headers.add(RULE, bytes(delivery.ruleName()));
        headers.add(TARGET, bytes(delivery.targetId()));
        headers.add(TARGET_TYPE, bytes(delivery.toDelivery().target().type()));
        headers.add(ATTEMPTS, bytes(String.valueOf(delivery.attempts())));
        headers.add(DELIVERY, bytes(String.valueOf(delivery.id())));
        headers.add(KafkaConfiguration.ROOT_CAUSE_HEADER, bytes(String.valueOf(delivery.lastError())));
        headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.APPLICATION_JSON));
        return new ProducerRecord<>(TOPIC, null, delivery.eventId(), bytes(delivery.input()), headers);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
