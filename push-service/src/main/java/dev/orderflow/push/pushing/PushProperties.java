package dev.orderflow.push.pushing;

import dev.orderflow.platform.work.RetryPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of push-service, bound to {@code orderflow.push.*}.
 *
 * @param sender which {@link PushSender} delivers pushes: {@code log} (the default) writes one log line per push
 * @param maxAttempts how often a push is tried before it is marked FAILED
 * @param firstRetry the wait after the first failed attempt; it doubles after each further failure
 * @param maxRetry the longest wait between two attempts
 * @param pollInterval how often the dispatcher looks for due pushes it was not woken for (retries, and rows left by a
 *     crash or written by another instance)
 */
@ConfigurationProperties("orderflow.push")
public record PushProperties(
        @DefaultValue("log") String sender,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1s") Duration firstRetry,
        @DefaultValue("5m") Duration maxRetry,
        @DefaultValue("500ms") Duration pollInterval) {

    /** How failed attempts are retried. */
    public RetryPolicy retry() {
        return new RetryPolicy(maxAttempts, firstRetry, maxRetry);
    }
}
