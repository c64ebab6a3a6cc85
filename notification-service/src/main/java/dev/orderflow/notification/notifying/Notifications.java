package dev.orderflow.notification.notifying;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notifications table, and the queue of e-mails it holds. */
@Repository
public class Notifications {

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new notification; a PENDING e-mail is due at once.
     *
     * @return false when a notification for the same event exists already (nothing is stored then)
     */
    boolean insert(Notification notification) {
        return jdbc.sql("""
                                insert into notifications (id, customer_id, type, message, channel, event_id, created_at,
                                                           email_status, email_next_attempt_at)
                                values (:id, :customer, :type, :message, :channel, :event, :created, :status, :due)
                                on conflict (event_id) do nothing
                                """)
                        .param("id", notification.id())
                        .param("customer", notification.customerId())
                        .param("type", notification.type().name())
                        .param("message", notification.message())
                        .param("channel", notification.channel().name())
                        .param("event", notification.eventId())
                        .param("created", Timestamp.from(notification.createdAt()))
                        .param("status", notification.emailStatus().name())
                        .param(
                                "due",
                                notification.emailStatus() == EmailStatus.PENDING
                                        ? Timestamp.from(notification.createdAt())
                                        : null)
                        .update()
                == 1;
    }

    /** A customer's notifications, oldest first. */
    public List<Notification> findByCustomer(String customerId) {
        return jdbc.sql("""
                        select id, customer_id, type, message, channel, event_id, created_at, email_status
                        from notifications where customer_id = ? order by created_at, id
                        """)
                .param(customerId)
                .query(Notifications::notification)
                .list();
    }

    /** The notification reporting this event, if there is one. */
    public Optional<Notification> findByEventId(String eventId) {
        return jdbc.sql("""
                        select id, customer_id, type, message, channel, event_id, created_at, email_status
                        from notifications where event_id = ?
                        """).param(eventId).query(Notifications::notification).optional();
    }

    /**
     * An e-mail the dispatcher is to send now.
     *
     * @param attempts how often it was tried before
     * @param to the customer's address, {@code null} when they have none any more
     */
    record DueEmail(UUID id, NotificationType type, String message, int attempts, String to) {}

    /**
     * Locks the e-mail due first, skipping those another transaction holds, so that several dispatchers never send
     * the same e-mail at once. The lock lasts until the caller's transaction ends.
     */
    Optional<DueEmail> lockNextDue(Instant now) {
        return jdbc.sql("""
                        select n.id, n.type, n.message, n.email_attempts, c.email
                        from notifications n left join customer_contacts c on c.customer_id = n.customer_id
                        where n.email_status = 'PENDING' and n.email_next_attempt_at <= :now
                        order by n.email_next_attempt_at, n.created_at
                        limit 1
                        for update of n skip locked
                        """)
                .param("now", Timestamp.from(now))
                .query(Notifications::dueEmail)
                .optional();
    }

    /** Locks this e-mail if it is still PENDING and no other transaction holds it. */
    Optional<DueEmail> lockPending(UUID id) {
        return jdbc.sql("""
                        select n.id, n.type, n.message, n.email_attempts, c.email
                        from notifications n left join customer_contacts c on c.customer_id = n.customer_id
                        where n.id = ? and n.email_status = 'PENDING'
                        for update of n skip locked
                        """).param(id).query(Notifications::dueEmail).optional();
    }

    void markEmailSent(UUID id) {
        jdbc.sql("""
                        update notifications
                        set email_status = 'SENT', email_attempts = email_attempts + 1, email_next_attempt_at = null
                        where id = ?
                        """).param(id).update();
    }

    /** Records a failed attempt; the e-mail is tried again at {@code retryAt}, or never when that is null. */
    void markEmailFailed(UUID id, String error, Instant retryAt) {
        jdbc.sql("""
                        update notifications
                        set email_status = :status, email_attempts = email_attempts + 1, email_last_error = :error,
                            email_next_attempt_at = :retryAt
                        where id = :id
                        """)
                .param("status", retryAt == null ? EmailStatus.FAILED.name() : EmailStatus.PENDING.name())
                .param("error", error)
                .param("retryAt", retryAt == null ? null : Timestamp.from(retryAt))
                .param("id", id)
                .update();
    }

    /** The customer has no address any more: the e-mail will not be sent. */
    void markEmailNotSent(UUID id) {
        jdbc.sql("update notifications set email_status = 'NOT_SENT', email_next_attempt_at = null where id = ?")
                .param(id)
                .update();
    }

    /** Makes the e-mail due again later, without counting an attempt. */
    void postponeEmail(UUID id, Instant until) {
        jdbc.sql("update notifications set email_next_attempt_at = ? where id = ?")
                .params(Timestamp.from(until), id)
                .update();
    }

    private static DueEmail dueEmail(ResultSet rs, int row) throws SQLException {
        return new DueEmail(
                rs.getObject("id", UUID.class),
                NotificationType.valueOf(rs.getString("type")),
                rs.getString("message"),
                rs.getInt("email_attempts"),
                rs.getString("email"));
    }

    private static Notification notification(ResultSet rs, int row) throws SQLException {
        return new Notification(
                rs.getObject("id", UUID.class),
                rs.getString("customer_id"),
                NotificationType.valueOf(rs.getString("type")),
                rs.getString("message"),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("event_id"),
                rs.getTimestamp("created_at").toInstant(),
                EmailStatus.valueOf(rs.getString("email_status")));
    }
}
