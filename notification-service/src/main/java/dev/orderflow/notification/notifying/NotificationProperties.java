package dev.orderflow.notification.notifying;

import dev.orderflow.platform.dispatch.RetrySettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notification-service, bound to {@code orderflow.notification.*}. The mail server itself is Spring
 * Boot's {@code spring.mail.*} (host, port, username, password); without {@code spring.mail.host} nothing is e-mailed.
 *
 * @param email how notifications are e-mailed
 */
@ConfigurationProperties("orderflow.notification")
public record NotificationProperties(@DefaultValue Email email) {

    /**
     * @param from the sender of every e-mail
     * @param dispatch how the {@link EmailDispatcher} sends and retries ({@code orderflow.notification.email.dispatch.*})
     */
    public record Email(
            @DefaultValue("orderflow <no-reply@orderflow.dev>")
            String from,

            @DefaultValue RetrySettings dispatch) {}
}
