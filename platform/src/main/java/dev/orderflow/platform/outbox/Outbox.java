package dev.orderflow.platform.outbox;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.Event;
import dev.orderflow.events.EventJson;
import dev.orderflow.platform.observability.LogFields;
import dev.orderflow.platform.observability.TraceContexts;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes events through the transactional outbox: {@link #publish(Event)} writes the event in the caller's
 * transaction, so the event exists exactly when the state change that caused it commits. The {@link OutboxRelay}
 * sends it to Kafka right after the commit, and again after any crash until the broker has acknowledged it.
 */
public class Outbox {

    private static final String INSERT = """
            insert into outbox (event_id, topic, record_key, event_type, source, subject, occurred_at, payload,
                                traceparent)
            values (:outbox_id, :outbox_topic, :outbox_key, :outbox_type, :outbox_source, :outbox_subject, :outbox_time,
                    :outbox_payload, :outbox_traceparent)
            """;

    private final NamedParameterJdbcOperations jdbc;
    private final OutboxRelay relay;
    private final String source;
    private final TraceContexts traces;

    /** An outbox that stores with each event the trace context it was published in ({@link TraceContexts#NONE}: none). */
    public Outbox(NamedParameterJdbcOperations jdbc, OutboxRelay relay, String source, TraceContexts traces) {
        this.jdbc = jdbc;
        this.relay = relay;
        this.source = source;
        this.traces = traces;
    }

    /**
     * Stores the event to be published to its topic, keyed by its customerId, with the current trace context (the
     * request's or the consumed event's), which the relay continues when it publishes the event.
     *
     * @return the event with its CloudEvents attributes (id, source, type, time)
     * @throws IllegalStateException when called outside a transaction: an event without its state change is a lie
     */
    public CloudEvent publish(Event event) {
        return publishWith(event, "", Map.of());
    }

    /**
     * Stores the event as {@link #publish} does, in one statement with the state change that caused it, which saves a
     * round trip to the database for each of the caller's writes. The caller's writes are data-modifying common table
     * expressions, e.g. {@code placed as (insert into orders ...), lines as (insert into order_items ...)}; PostgreSQL
     * runs each of them to completion with the outbox's insert, all or nothing.
     *
     * @param writes the common table expressions, comma-separated, without {@code with}
     * @param params their named parameters; names starting with {@code outbox_} are the outbox's own
     * @throws IllegalStateException when called outside a transaction
     */
    public CloudEvent publishWith(Event event, String writes, Map<String, ?> params) {
        Prepared prepared = prepare(event).with(params);
        publishAllWith(writes, List.of(prepared));
        return prepared.cloudEvent();
    }

    /**
     * An event with its CloudEvents attributes and the trace context of the thread that prepares it, to be stored by
     * {@link #publishAllWith} on another thread (one that writes what several requests prepared), with the parameters
     * of the writes it is stored with.
     */
    public record Prepared(
            Event event, CloudEvent cloudEvent, @Nullable String traceparent, Map<String, ?> params) {

        /** The same event, stored with these parameters for the writes; names starting with {@code outbox_} are taken. */
        public Prepared with(Map<String, ?> params) {
            return new Prepared(event, cloudEvent, traceparent, params);
        }
    }

    /** Prepares the event for {@link #publishAllWith}, with the current trace context and no parameters yet. */
    public Prepared prepare(Event event) {
        return new Prepared(event, CloudEvent.of(source, event), traces.current(), Map.of());
    }

    /**
     * Stores each prepared event as {@link #publishWith} does, with its own {@link Prepared#params parameters} for the
     * same writes, in one JDBC batch: one round trip to the database for all of them. When one of them fails, the
     * batch fails, and the caller's transaction with it.
     *
     * @throws IllegalStateException when called outside a transaction
     */
    public void publishAllWith(String writes, List<Prepared> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish needs the transaction of the state change it reports");
        }
        String sql = (writes.isEmpty() ? "" : "with " + writes + "\n") + INSERT;
        SqlParameterSource[] rows = new SqlParameterSource[events.size()];
        for (int i = 0; i < rows.length; i++) {
            Prepared prepared = events.get(i);
            CloudEvent cloudEvent = prepared.cloudEvent();
            rows[i] = new MapSqlParameterSource(prepared.params())
                    .addValue("outbox_id", cloudEvent.id())
                    .addValue("outbox_topic", cloudEvent.topic())
                    .addValue("outbox_key", cloudEvent.key())
                    .addValue("outbox_type", cloudEvent.type())
                    .addValue("outbox_source", cloudEvent.source())
                    .addValue("outbox_subject", cloudEvent.subject())
                    .addValue("outbox_time", Timestamp.from(cloudEvent.time()))
                    .addValue("outbox_payload", EventJson.write(prepared.event()))
                    .addValue("outbox_traceparent", prepared.traceparent());
        }
        if (rows.length == 1) {
            jdbc.update(sql, rows[0]);
        } else {
            jdbc.batchUpdate(sql, rows);
        }
        if (LogFields.EVENTS.isInfoEnabled()) {
            for (Prepared prepared : events) {
                CloudEvent cloudEvent = prepared.cloudEvent();
                // in the trace it was prepared in, also when another thread writes it (a group commit's)
                try (TraceContexts.Scope trace = traces.open(prepared.traceparent());
                        LogFields fields = LogFields.of(prepared.event(), cloudEvent.id())) {
                    LogFields.EVENTS.info(
                            "Publishing {} {} to {}", cloudEvent.type(), cloudEvent.id(), cloudEvent.topic());
                }
            }
        }
        relay.wakeUpAfterCommit();
    }
}
