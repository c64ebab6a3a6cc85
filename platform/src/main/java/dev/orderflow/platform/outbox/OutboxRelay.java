package dev.orderflow.platform.outbox;

import dev.orderflow.events.KafkaCloudEvents;
import dev.orderflow.platform.PlatformProperties;
import dev.orderflow.platform.observability.TraceContexts;
import dev.orderflow.platform.work.BackgroundWorker;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows to Kafka, in id order, and deletes each row once the broker has acknowledged it
 * (idempotent producer, {@code acks=all}). It runs on one thread, woken right after every commit that wrote to the
 * outbox and, to pick up what a crash or another instance left, every poll interval.
 *
 * <p>Only one relay per schema publishes at a time: each batch runs in a transaction that first takes a PostgreSQL
 * advisory lock, so several instances of a service still publish one customer's events in commit order. Lock and
 * select are one round trip (the platform's {@code outbox_batch} function), the delete a second, the commit a third.
 * A failure leaves the unacknowledged rows in place, to be sent again: delivery is at least once, and consumers
 * recognise a repeat by its {@code ce_id}.
 *
 * <p>Each row is sent in the trace context it was written in (its {@code traceparent} column), so the template's
 * producer span, and the {@code traceparent} header it puts on the record, continue the trace of the request or event
 * that caused the row; a template that does not observe sends the stored {@code traceparent} as it is.
 */
public class OutboxRelay extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** The W3C trace context header. */
    static final String TRACEPARENT = "traceparent";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<Object, Object> kafka;
    private final PlatformProperties.Outbox settings;
    private final TraceContexts traces;
    private final OutboxMetrics metrics;

    public OutboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            KafkaTemplate<Object, Object> kafka,
            PlatformProperties.Outbox settings,
            TraceContexts traces,
            OutboxMetrics metrics) {
        super("outbox-relay", settings.pollInterval(), settings.retryBackoff());
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.settings = settings;
        this.traces = traces;
        this.metrics = metrics;
    }

    @Override
    protected void work() {
        publishPending();
    }

    /**
     * Publishes what is in the outbox now, in batches, until it is empty or a batch fails.
     *
     * @return how many events were published
     */
    public int publishPending() {
        int total = 0;
        int published;
        do {
            published = publishBatch();
            total += published;
        } while (published == settings.batchSize());
        return total;
    }

    /** How many events wait to be published. */
    public long pending() {
        return jdbc.sql("select count(*) from outbox").query(Long.class).single();
    }

    private int publishBatch() {
        Integer published = transactions.execute(status -> {
            // empty as well when another relay holds the schema's lock (see V0_4__create_outbox_batch_function.sql)
            List<Row> rows = jdbc.sql("select * from outbox_batch(:limit)")
                    .param("limit", settings.batchSize())
                    .query(OutboxRelay::row)
                    .list();
            List<Long> acknowledged = send(rows);
            if (!acknowledged.isEmpty()) {
                jdbc.sql("delete from outbox where id = any(:ids)")
                        .param("ids", acknowledged.toArray(Long[]::new))
                        .update();
            }
            return acknowledged.size();
        });
        return published == null ? 0 : published;
    }

    /** Sends the rows and returns the ids of those acknowledged, stopping at the first that was not. */
    private List<Long> send(List<Row> rows) {
        List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
        try {
            for (Row row : rows) {
                try (TraceContexts.Scope scope = traces.open(row.traceparent())) {
                    sends.add(kafka.send(row.toRecord()));
                }
            }
        } catch (RuntimeException e) {
            // e.g. no broker answered within max.block.ms; what was handed over may still be acknowledged
            sends.add(CompletableFuture.failedFuture(e));
        }
        List<Long> acknowledged = new ArrayList<>(rows.size());
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(rows.get(i).id());
                metrics.published(rows.get(i).time());
            } catch (ExecutionException | TimeoutException e) {
                log.warn(
                        "Outbox: publishing {} {} to {} failed, {} of {} rows published; will retry: {}",
                        rows.get(i).type(),
                        rows.get(i).eventId(),
                        rows.get(i).topic(),
                        acknowledged.size(),
                        rows.size(),
                        e.getCause() != null ? e.getCause().toString() : e.toString());
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return acknowledged;
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("event_id"),
                rs.getString("topic"),
                rs.getString("record_key"),
                rs.getString("event_type"),
                rs.getString("source"),
                rs.getString("subject"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getBytes("payload"),
                rs.getString("traceparent"));
    }

    private record Row(
            long id,
            String eventId,
            String topic,
            String key,
            String type,
            String source,
            String subject,
            Instant time,
            byte[] payload,
            @Nullable String traceparent) {

        /**
         * The record, with the stored {@code traceparent} as a header; an observing template replaces it with its
         * producer span's, a child of the same trace.
         */
        ProducerRecord<Object, Object> toRecord() {
            ProducerRecord<String, byte[]> record =
                    KafkaCloudEvents.toRecord(topic, key, eventId, source, type, time, subject, payload);
            if (traceparent != null) {
                record.headers().add(TRACEPARENT, traceparent.getBytes(StandardCharsets.US_ASCII));
            }
            return new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers());
        }
    }
}
