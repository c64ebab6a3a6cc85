package dev.orderflow.notification.notifying;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifications table, and the queue of e-mails it holds. The statements that carry a guarantee are native: one
 * notification per event ({@code on conflict do nothing}), one dispatcher per e-mail ({@code for update skip locked}).
 */
public interface Notifications extends Repository<Notification, UUID> {

    /** Stores a notification that reports no event. */
    Notification save(Notification notification);

    /**
     * Stores the notification of an event unless that event has one already, deciding in the same statement whether it
     * is e-mailed: when {@code emailing} (a mail server is configured) and the customer has an address in
     * {@code customer_contacts}, it is an EMAIL notification whose e-mail is PENDING and due at once; otherwise it is
     * only STORED. One round trip instead of a look-up of the address and an insert.
     *
     * @param traceparent the trace context its e-mail is to be sent in, {@code null} for none
     * @return the stored notification's e-mail status; empty when a notification for the same event exists already
     *     (nothing is stored then)
     */
    default Optional<EmailStatus> insertOnce(
            String eventId,
            String customerId,
            NotificationType type,
            String message,
            boolean emailing,
            @Nullable String traceparent) {
        return insertUnlessReported(
                        UUID.randomUUID(),
                        customerId,
                        type.name(),
                        message,
                        eventId,
                        Instant.now().truncatedTo(ChronoUnit.MICROS),
                        emailing,
                        traceparent)
                .map(EmailStatus::valueOf);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    @Query(nativeQuery = true, value = """
            insert into notifications (id, customer_id, type, message, channel, event_id, created_at, email_status,
                                       email_next_attempt_at, traceparent)
            select :id, :customerId, :type, :message, case when addressed then 'EMAIL' else 'STORED' end, :eventId,
                   :createdAt, case when addressed then 'PENDING' else 'NOT_SENT' end,
                   case when addressed then cast(:createdAt as timestamptz) end, :traceparent
            from (select cast(:emailing as boolean)
                         and exists (select from customer_contacts where customer_id = :customerId) as addressed) a
            on conflict (event_id) do nothing
            returning email_status
            """)
    Optional<String> insertUnlessReported(
            @Param("id") UUID id,
            @Param("customerId") String customerId,
            @Param("type") String type,
            @Param("message") String message,
            @Param("eventId") String eventId,
            @Param("createdAt") Instant createdAt,
            @Param("emailing") boolean emailing,
            @Param("traceparent") @Nullable String traceparent);

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
