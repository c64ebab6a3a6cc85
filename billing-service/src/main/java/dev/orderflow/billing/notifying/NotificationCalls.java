package dev.orderflow.billing.notifying;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.EventJson;
import dev.orderflow.platform.dispatch.DispatchQueue;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code notification_calls} table as the {@link NotificationCallDispatcher} works through it. */
class NotificationCalls implements DispatchQueue<NotificationCall> {

    private static final RowMapper<NotificationCall> CALL = (rs, row) -> new NotificationCall(
            rs.getString("event_id"),
            rs.getString("event_type"),
            rs.getString("source"),
            rs.getString("subject"),
            rs.getTimestamp("occurred_at").toInstant(),
            rs.getBytes("payload"),
            rs.getInt("attempts"),
            rs.getString("traceparent"));

    private final JdbcClient jdbc;

    NotificationCalls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a call, due now, to be made in the trace context {@code traceparent} ({@code null}: none); in the caller's
     * transaction. The same event twice is one call.
     */
    void add(CloudEvent outcome, @Nullable String traceparent) {
        jdbc.sql("""
                        insert into notification_calls
                            (event_id, event_type, source, subject, occurred_at, payload, next_attempt_at, traceparent)
                        values (:id, :type, :source, :subject, :time, :payload, now(), :traceparent)
                        on conflict (event_id) do nothing
                        """)
                .param("id", outcome.id())
                .param("type", outcome.type())
                .param("source", outcome.source())
                .param("subject", outcome.subject())
                .param("time", Timestamp.from(outcome.time()))
                .param("payload", EventJson.write(outcome.data()))
                .param("traceparent", traceparent)
                .update();
    }

    @Override
    public List<NotificationCall> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                        select * from notification_calls
                        where next_attempt_at <= :now
                        order by next_attempt_at, seq
                        limit :limit
                        for update skip locked
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(CALL)
                .list();
    }

    /** Told: the row goes, so that the table holds only what is still to be told. */
    @Override
    public void markDone(NotificationCall call) {
        jdbc.sql("delete from notification_calls where event_id = :id")
                .param("id", call.eventId())
                .update();
    }

    @Override
    public void markFailed(NotificationCall call, String error, Instant retryAt) {
        jdbc.sql("""
                        update notification_calls
                        set attempts = attempts + 1, last_error = :error, next_attempt_at = :retryAt
                        where event_id = :id
                        """)
                .param("id", call.eventId())
                .param("error", error)
                .param("retryAt", retryAt == null ? null : Timestamp.from(retryAt))
                .update();
    }

    @Override
    public void postpone(NotificationCall call, Instant until) {
        jdbc.sql("update notification_calls set next_attempt_at = :until where event_id = :id")
                .param("id", call.eventId())
                .param("until", Timestamp.from(until))
                .update();
    }

    @Override
    public @Nullable String traceparent(NotificationCall call) {
        return call.traceparent();
    }

    @Override
    public String describe(NotificationCall call) {
        return call.eventType() + " " + call.eventId() + " (attempt " + (call.attempts() + 1) + ")";
    }
}
