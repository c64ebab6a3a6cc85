package dev.orderflow.push.pushing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The push_notifications table: every push recorded, and the queue of those still to send. The statements that carry a
 * guarantee are native: one push per (event, token) ({@code on conflict do nothing}), one dispatcher per push
 * ({@code for update skip locked}).
 */
public interface PushNotifications extends Repository<Push, UUID> {

    /**
     * Records a push of the event, due at once, to each device the customer has registered, except to a device that has
     * this event's push already: one statement, whatever the number of devices (the tokens are read inside it).
     *
     * @param traceparent the trace context the pushes are to be sent in, {@code null} for none
     * @return how many pushes were recorded
     */
    default int insertForEachDevice(
            String eventId, String customerId, String eventType, String message, @Nullable String traceparent) {
        return insertUnlessRecorded(
                eventId, customerId, eventType, message, Instant.now().truncatedTo(ChronoUnit.MICROS), traceparent);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    @Modifying
    @Query(nativeQuery = true, value = """
            insert into push_notifications (id, event_id, token, customer_id, message, event_type, status, created_at,
                                            next_attempt_at, traceparent)
            select gen_random_uuid(), :eventId, t.token, :customerId, :message, :eventType, 'PENDING', :createdAt,
                   :createdAt, :traceparent
            from push_tokens t
            where t.customer_id = :customerId
            on conflict (event_id, token) do nothing
            """)
    int insertUnlessRecorded(
            @Param("eventId") String eventId,
            @Param("customerId") String customerId,
            @Param("eventType") String eventType,
            @Param("message") String message,
            @Param("createdAt") Instant createdAt,
            @Param("traceparent") @Nullable String traceparent);

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
