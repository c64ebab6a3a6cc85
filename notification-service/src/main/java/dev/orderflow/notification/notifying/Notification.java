package dev.orderflow.notification.notifying;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Something the customer was told.
 *
 * @param eventId the {@code ce_id} of the event it reports, {@code null} for a direct notification
 */
public record Notification(
        UUID id,
        String customerId,
        NotificationType type,
        String message,
        Channel channel,
        String eventId,
        Instant createdAt,
        EmailStatus emailStatus) {

    /** A new notification, to be e-mailed or only stored. */
    static Notification create(
            String customerId, NotificationType type, String message, String eventId, boolean emailed) {
        return new Notification(
                UUID.randomUUID(),
                customerId,
                type,
                message,
                emailed ? Channel.EMAIL : Channel.STORED,
                eventId,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                emailed ? EmailStatus.PENDING : EmailStatus.NOT_SENT);
    }
}
