package dev.orderflow.push.pushing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A push of one event's message to one device.
 *
 * @param eventId the {@code ce_id} of the event it reports
 * @param eventType the event's name, {@code OrderPaid} or {@code PaymentFailed}
 * @param sentAt when the sender accepted it, {@code null} until then
 */
public record Push(
        UUID id,
        String eventId,
        String token,
        String customerId,
        String message,
        String eventType,
        PushStatus status,
        Instant createdAt,
        Instant sentAt) {

    static Push pending(String eventId, String token, String customerId, String eventType, String message) {
        return new Push(
                UUID.randomUUID(),
                eventId,
                token,
                customerId,
                message,
                eventType,
                PushStatus.PENDING,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                null);
    }
}
