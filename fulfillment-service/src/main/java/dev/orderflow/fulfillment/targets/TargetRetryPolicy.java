package dev.orderflow.fulfillment.targets;

import java.time.Duration;

/**
 * How long a target's deliveries are retried, like EventBridge's target {@code RetryPolicy}: at most
 * {@code maximumRetryAttempts} retries after the first attempt (0–185), and none once the event is older than
 * {@code maximumEventAgeSeconds} (60–86,400). Defaults: 185 and 24 hours, EventBridge's.
 */
public record TargetRetryPolicy(int maximumRetryAttempts, int maximumEventAgeSeconds) {

    public static final int MAX_RETRY_ATTEMPTS = 185;
    public static final int MIN_EVENT_AGE_SECONDS = 60;
    public static final int MAX_EVENT_AGE_SECONDS = 86_400;
    public static final TargetRetryPolicy DEFAULT = new TargetRetryPolicy(MAX_RETRY_ATTEMPTS, MAX_EVENT_AGE_SECONDS);

    public TargetRetryPolicy {
        if (maximumRetryAttempts < 0 || maximumRetryAttempts > MAX_RETRY_ATTEMPTS) {
            throw new IllegalArgumentException("maximumRetryAttempts must be between 0 and " + MAX_RETRY_ATTEMPTS);
        }
        if (maximumEventAgeSeconds < MIN_EVENT_AGE_SECONDS || maximumEventAgeSeconds > MAX_EVENT_AGE_SECONDS) {
            throw new IllegalArgumentException("maximumEventAgeSeconds must be between " + MIN_EVENT_AGE_SECONDS
                    + " and " + MAX_EVENT_AGE_SECONDS);
        }
    }

    public Duration maximumEventAge() {
        return Duration.ofSeconds(maximumEventAgeSeconds);
    }
}
