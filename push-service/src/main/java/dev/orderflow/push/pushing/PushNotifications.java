package dev.orderflow.push.pushing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * The push_notifications table: every push recorded, and the queue of those still to send. The statements that carry a
 * guarantee are native: one push per (event, token) ({@code on conflict do nothing}, {@link EventPushes}), one
 * dispatcher per push ({@code for update skip locked}).
 */
public interface PushNotifications extends Repository<Push, UUID>, EventPushes {

    /** The pushes sent to a customer, oldest first. */
    default List<Push> findSentByCustomer(String customerId) {
        return findByCustomerAndStatus(customerId, PushStatus.SENT);
    }

    @Query("select p from Push p where p.customerId = :customerId and p.status = :status order by p.sentAt, p.id")
    List<Push> findByCustomerAndStatus(@Param("customerId") String customerId, @Param("status") PushStatus status);

    /** The pushes of one event, whatever their status. */
    @Query("select p from Push p where p.eventId = :eventId order by p.token")
    List<Push> findByEventId(@Param("eventId") String eventId);

    /**
     * Locks the pushes due first, at most {@code limit}, skipping those another transaction holds, so that several
     * dispatchers never send the same push at once. The locks last until the caller's transaction ends.
     */
    @Query(nativeQuery = true, value = """
            select * from push_notifications
            where status = 'PENDING' and next_attempt_at <= :now
            order by next_attempt_at, created_at
            limit :limit
            for update skip locked
            """)
    List<Push> lockDue(@Param("now") Instant now, @Param("limit") int limit);
}
