package dev.orderflow.notification.notifying;

import dev.orderflow.platform.work.RetryPolicy;
import java.time.Duration;
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
     * @param maxAttempts how often an e-mail is tried before it is marked FAILED
     * @param firstRetry the wait after the first failed attempt; it doubles after each further failure
     * @param maxRetry the longest wait between two attempts
     * @param pollInterval how often the dispatcher looks for due e-mails it was not woken for (retries, and rows left
     *     by a crash or written by another instance)
     */
    public record Email(
            @DefaultValue("orderflow <no-reply@orderflow.dev>")
            String from,

            @DefaultValue("5") int maxAttempts,
            @DefaultValue("1s") Duration firstRetry,
            @DefaultValue("5m") Duration maxRetry,
            @DefaultValue("500ms") Duration pollInterval) {

        /** How failed attempts are retried. */
        public RetryPolicy retry() {
            return new RetryPolicy(maxAttempts, firstRetry, maxRetry);
        }
    }
}
