package dev.orderflow.push.pushing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The push_notifications table: every push recorded, and the queue of those still to send. */
@Repository
public class PushNotifications {

    private static final String COLUMNS =
            "id, event_id, token, customer_id, message, event_type, status, created_at, sent_at";

    private final JdbcClient jdbc;

    PushNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a new push, due at once.
     *
     * @return false when this event's push to this token is recorded already (nothing is stored then)
     */
    boolean insert(Push push) {
        return jdbc.sql("""
                                insert into push_notifications (id, event_id, token, customer_id, message, event_type,
                                                                status, created_at, next_attempt_at)
                                values (:id, :event, :token, :customer, :message, :type, :status, :created, :created)
                                on conflict (event_id, token) do nothing
                                """)
                        .param("id", push.id())
                        .param("event", push.eventId())
                        .param("token", push.token())
                        .param("customer", push.customerId())
                        .param("message", push.message())
                        .param("type", push.eventType())
                        .param("status", push.status().name())
                        .param("created", Timestamp.from(push.createdAt()))
                        .update()
                == 1;
    }

    /** The pushes sent to a customer, oldest first. */
    public List<Push> findSentByCustomer(String customerId) {
        return jdbc.sql("select " + COLUMNS
                        + " from push_notifications where customer_id = ? and status = 'SENT' order by sent_at, id")
                .param(customerId)
                .query(PushNotifications::push)
                .list();
    }

    /** The pushes of one event, whatever their status. */
    public List<Push> findByEventId(String eventId) {
        return jdbc.sql("select " + COLUMNS + " from push_notifications where event_id = ? order by token")
                .param(eventId)
                .query(PushNotifications::push)
                .list();
    }

    /** A push the dispatcher is to send now, with how often it was tried before. */
    record DuePush(Push push, int attempts) {}

    /**
     * Locks the push due first, skipping those another transaction holds, so that several dispatchers never send the
     * same push at once. The lock lasts until the caller's transaction ends.
     */
    Optional<DuePush> lockNextDue(Instant now) {
        return jdbc.sql("select " + COLUMNS + ", attempts from push_notifications"
                        + " where status = 'PENDING' and next_attempt_at <= :now"
                        + " order by next_attempt_at, created_at limit 1 for update skip locked")
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new DuePush(push(rs, row), rs.getInt("attempts")))
                .optional();
    }

    /** Locks this push if it is still PENDING and no other transaction holds it. */
    Optional<DuePush> lockPending(UUID id) {
        return jdbc.sql("select " + COLUMNS + ", attempts from push_notifications"
                        + " where id = ? and status = 'PENDING' for update skip locked")
                .param(id)
                .query((rs, row) -> new DuePush(push(rs, row), rs.getInt("attempts")))
                .optional();
    }

    void markSent(UUID id, Instant sentAt) {
        jdbc.sql("""
                        update push_notifications
                        set status = 'SENT', sent_at = :sentAt, attempts = attempts + 1, next_attempt_at = null
                        where id = :id
                        """).param("sentAt", Timestamp.from(sentAt)).param("id", id).update();
    }

    /** Records a failed attempt; the push is tried again at {@code retryAt}, or never when that is null. */
    void markFailed(UUID id, String error, Instant retryAt) {
        jdbc.sql("""
                        update push_notifications
                        set status = :status, attempts = attempts + 1, last_error = :error, next_attempt_at = :retryAt
                        where id = :id
                        """)
                .param("status", retryAt == null ? PushStatus.FAILED.name() : PushStatus.PENDING.name())
                .param("error", error)
                .param("retryAt", retryAt == null ? null : Timestamp.from(retryAt))
                .param("id", id)
                .update();
    }

    /** Makes the push due again later, without counting an attempt. */
    void postpone(UUID id, Instant until) {
        jdbc.sql("update push_notifications set next_attempt_at = ? where id = ?")
                .params(Timestamp.from(until), id)
                .update();
    }

    private static Push push(ResultSet rs, int row) throws SQLException {
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new Push(
                rs.getObject("id", UUID.class),
                rs.getString("event_id"),
                rs.getString("token"),
                rs.getString("customer_id"),
                rs.getString("message"),
                rs.getString("event_type"),
                PushStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                sentAt == null ? null : sentAt.toInstant());
    }
}
