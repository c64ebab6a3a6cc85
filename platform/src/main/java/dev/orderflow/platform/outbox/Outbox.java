package dev.orderflow.platform.outbox;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.Event;
import dev.orderflow.events.EventJson;
import dev.orderflow.platform.observability.LogFields;
import dev.orderflow.platform.observability.TraceContexts;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes events through the transactional outbox: {@link #publish(Event)} writes the event in the caller's
 * transaction, so the event exists exactly when the state change that caused it commits. The {@link OutboxRelay}
 * sends it to Kafka right after the commit, and again after any crash until the broker has acknowledged it.
 */
public class Outbox {

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
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish needs the transaction of the state change it reports");
        }
        CloudEvent cloudEvent = CloudEvent.of(source, event);
        jdbc.sql("""
                        insert into outbox (event_id, topic, record_key, event_type, source, subject, occurred_at, payload,
                                            traceparent)
                        values (:id, :topic, :key, :type, :source, :subject, :time, :payload, :traceparent)
                        """)
                .param("id", cloudEvent.id())
                .param("topic", cloudEvent.topic())
                .param("key", cloudEvent.key())
                .param("type", cloudEvent.type())
                .param("source", cloudEvent.source())
                .param("subject", cloudEvent.subject())
                .param("time", Timestamp.from(cloudEvent.time()))
                .param("payload", EventJson.write(event))
                .param("traceparent", traces.current())
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
