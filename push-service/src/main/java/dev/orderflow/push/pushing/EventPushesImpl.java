package dev.orderflow.push.pushing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link EventPushes} as one native statement over {@link JdbcClient}: it runs once per event, where a {@code @Query}
 * method would cost several times the statement's own work in the repository's and Hibernate's per-call machinery
 * (docs/adr/0005).
 */
class EventPushesImpl implements EventPushes {

    private static final String INSERT_UNLESS_RECORDED = """
            insert into push_notifications (id, event_id, token, customer_id, message, event_type, status, created_at,
                                            next_attempt_at)
            select gen_random_uuid(), :eventId, t.token, :customerId, :message, :eventType, 'PENDING', :createdAt,
                   :createdAt
            from push_tokens t
            where t.customer_id = :customerId
            on conflict (event_id, token) do nothing
            """;

    private final JdbcClient jdbc;

    EventPushesImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int insertForEachDevice(String eventId, String customerId, String eventType, String message) {
        return jdbc.sql(INSERT_UNLESS_RECORDED)
                .param("eventId", eventId)
                .param("customerId", customerId)
                .param("message", message)
                .param("eventType", eventType)
                .param("createdAt", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
                .update();
    }
}
