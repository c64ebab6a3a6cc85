package dev.orderflow.notification.notifying;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * The notifications table, and the queue of e-mails it holds. The statements that carry a guarantee are native: one
 * notification per event ({@code on conflict do nothing}, {@link EventNotifications}), one dispatcher per e-mail
 * ({@code for update skip locked}).
 */
public interface Notifications extends Repository<Notification, UUID>, EventNotifications {

    /** Stores a notification that reports no event. */
    Notification save(Notification notification);

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
