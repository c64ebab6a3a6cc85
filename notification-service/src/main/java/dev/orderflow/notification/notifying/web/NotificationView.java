package dev.orderflow.notification.notifying.web;

import dev.orderflow.notification.notifying.Channel;
import dev.orderflow.notification.notifying.EmailStatus;
import dev.orderflow.notification.notifying.Notification;
import dev.orderflow.notification.notifying.NotificationType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A notification as the API shows it. */
@Schema(name = "Notification")
record NotificationView(
        UUID id,
        String customerId,
        NotificationType type,
        String message,
        Channel channel,
        EmailStatus emailStatus,
        Instant createdAt) {

    static NotificationView of(Notification notification) {
        return new NotificationView(
                notification.id(),
                notification.customerId(),
                notification.type(),
                notification.message(),
                notification.channel(),
                notification.emailStatus(),
                notification.createdAt());
    }
}
