package dev.orderflow.billing.notifying;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One outcome to tell notification-service, as the CloudEvents HTTP binding carries it: the same id, type and JSON as
 * on Kafka, so notification-service recognises a repeated call as it recognises a redelivered record.
 */
record NotificationCall(
        String eventId,
        String eventType,
        String source,
        String subject,
        Instant occurredAt,
        byte[] payload,
        int attempts,
        @Nullable String traceparent) {}
