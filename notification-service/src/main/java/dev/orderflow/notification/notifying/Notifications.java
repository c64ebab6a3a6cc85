package dev.orderflow.notification.notifying;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * The notifications table, and the queue of e-mails it holds. The statements that carry a guarantee are native: one
 * notification per event ({@code on conflict do nothing}), one dispatcher per e-mail ({@code for update skip locked}).
 */
public interface Notifications extends Repository<Notification, UUID> {

    /** Stores a notification that reports no event. */
    Notification save(Notification notification);

    /**
     * Stores the notification of an event unless that event has one already; a PENDING e-mail is due at once.
     *
     * @return false when a notification for the same event exists already (nothing is stored then)
     */
    default boolean insertOnce(Notification notification) {
        return insertUnlessReported(
                        notification.id(),
                        notification.customerId(),
                        notification.type().name(),
                        notification.message(),
                        notification.channel().name(),
                        notification.eventId(),
                        notification.createdAt(),
                        notification.emailStatus().name())
                == 1;
    }

    @Modifying
    @Query(nativeQuery = true, value = """
            insert into notifications (id, customer_id, type, message, channel, event_id, created_at, email_status,
                                       email_next_attempt_at)
            values (:id, :customerId, :type, :message, :channel, :eventId, :createdAt, :status,
                    case when :status = 'PENDING' then cast(:createdAt as timestamptz) end)
            on conflict (event_id) do nothing
            """)
    int insertUnlessReported(
            @Param("id") UUID id,
            @Param("customerId") String customerId,
            @Param("type") String type,
            @Param("message") String message,
            @Param("channel") String channel,
            @Param("eventId") @Nullable String eventId,
            @Param("createdAt") Instant createdAt,
            @Param("status") String emailStatus);

    /** A customer's notifications, oldest first. */
    @Query("select n from Notification n where n.customerId = :customerId order by n.createdAt, n.id")
    List<Notification> findByCustomer(@Param("customerId") String customerId);

    /** The notification reporting this event, if there is one. */
    @Query("select n from Notification n where n.eventId = :eventId")
    Optional<Notification> findByEventId(@Param("eventId") String eventId);

    /**
     * Locks the e-mails due first, at most {@code limit}, skipping those another transaction holds, so that several
     * dispatchers never send the same e-mail at once. The locks last until the caller's transaction ends.
     */
    @Query(nativeQuery = true, value = """
            select * from notifications
            where email_status = 'PENDING' and email_next_attempt_at <= :now
            order by email_next_attempt_at, created_at
            limit :limit
            for update skip locked
            """)
    List<Notification> lockEmailsDue(@Param("now") Instant now, @Param("limit") int limit);
}
