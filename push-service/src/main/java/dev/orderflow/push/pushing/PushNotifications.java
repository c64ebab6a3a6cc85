package dev.orderflow.push.pushing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * The push_notifications table: every push recorded, and the queue of those still to send. The statements that carry a
 * guarantee are native: one push per (event, token) ({@code on conflict do nothing}), one dispatcher per push
 * ({@code for update skip locked}).
 */
public interface PushNotifications extends Repository<Push, UUID> {

    /**
     * Records a new push, due at once, unless this event's push to this token is recorded already.
     *
     * @return false when it was recorded already (nothing is stored then)
     */
    default boolean insertOnce(Push push) {
        return insertUnlessRecorded(
                        push.id(),
                        push.eventId(),
                        push.token(),
                        push.customerId(),
                        push.message(),
                        push.eventType(),
                        push.status().name(),
                        push.createdAt())
                == 1;
    }

    @Modifying
    @Query(nativeQuery = true, value = """
            insert into push_notifications (id, event_id, token, customer_id, message, event_type, status, created_at,
                                            next_attempt_at)
            values (:id, :eventId, :token, :customerId, :message, :eventType, :status, :createdAt, :createdAt)
            on conflict (event_id, token) do nothing
            """)
    int insertUnlessRecorded(
            @Param("id") UUID id,
            @Param("eventId") String eventId,
            @Param("token") String token,
            @Param("customerId") String customerId,
            @Param("message") String message,
            @Param("eventType") String eventType,
            @Param("status") String status,
            @Param("createdAt") Instant createdAt);

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
