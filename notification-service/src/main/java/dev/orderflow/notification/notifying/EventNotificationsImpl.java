package dev.orderflow.notification.notifying;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link EventNotifications} as one native statement over {@link JdbcClient}: it runs once per event, where a
 * {@code @Query} method would cost several times the statement's own work in the repository's and Hibernate's
 * per-call machinery (docs/adr/0005).
 */
class EventNotificationsImpl implements EventNotifications {

    private static final String INSERT_UNLESS_REPORTED = """
            insert into notifications (id, customer_id, type, message, channel, event_id, created_at, email_status,
                                       email_next_attempt_at)
            select :id, :customerId, :type, :message, case when addressed then 'EMAIL' else 'STORED' end, :eventId,
                   :createdAt, case when addressed then 'PENDING' else 'NOT_SENT' end,
                   case when addressed then cast(:createdAt as timestamptz) end
            from (select cast(:emailing as boolean)
                         and exists (select from customer_contacts where customer_id = :customerId) as addressed) a
            on conflict (event_id) do nothing
            returning email_status
            """;

    private final JdbcClient jdbc;

    EventNotificationsImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<EmailStatus> insertOnce(
            String eventId, String customerId, NotificationType type, String message, boolean emailing) {
        return jdbc.sql(INSERT_UNLESS_REPORTED)
                .param("id", UUID.randomUUID())
                .param("customerId", customerId)
                .param("type", type.name())
                .param("message", message)
                .param("eventId", eventId)
                .param("createdAt", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
                .param("emailing", emailing)
                .query(String.class)
                .optional()
                .map(EmailStatus::valueOf);
    }
}
