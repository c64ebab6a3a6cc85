package dev.orderflow.platform.outbox;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.Event;
import dev.orderflow.events.EventJson;
import dev.orderflow.platform.observability.LogFields;
import dev.orderflow.platform.observability.TraceContexts;
import java.sql.Timestamp;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final OutboxRelay relay;
    private final String source;
    private final TraceContexts traces;

    /** An outbox that stores with each event the trace context it was published in ({@link TraceContexts#NONE}: none). */
    public Outbox(JdbcClient jdbc, OutboxRelay relay, String source, TraceContexts traces) {
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
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish needs the transaction of the state change it reports");
        }
        CloudEvent cloudEvent = CloudEvent.of(source, event);
        jdbc.sql((writes.isEmpty() ? "" : "with " + writes + "\n") + INSERT)
                .params(params)
                .param("outbox_id", cloudEvent.id())
                .param("outbox_topic", cloudEvent.topic())
                .param("outbox_key", cloudEvent.key())
                .param("outbox_type", cloudEvent.type())
                .param("outbox_source", cloudEvent.source())
                .param("outbox_subject", cloudEvent.subject())
                .param("outbox_time", Timestamp.from(cloudEvent.time()))
                .param("outbox_payload", EventJson.write(event))
                .param("outbox_traceparent", traces.current())
                .update();
        if (LogFields.EVENTS.isInfoEnabled()) {
            try (LogFields fields = LogFields.of(event, cloudEvent.id())) {
                LogFields.EVENTS.info("Publishing {} {} to {}", cloudEvent.type(), cloudEvent.id(), cloudEvent.topic());
            }
        }
        relay.wakeUpAfterCommit();
        return cloudEvent;
    }
}
