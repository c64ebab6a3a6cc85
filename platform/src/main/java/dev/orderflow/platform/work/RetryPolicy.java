package dev.orderflow.platform.work;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How often, and how long apart, failed work is tried again: {@code firstRetry} after the first failure, doubling
 * after each further one up to {@code maxRetry}, and no more after {@code maxAttempts} attempts in all.
 */
public record RetryPolicy(int maxAttempts, Duration firstRetry, Duration maxRetry) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
    }

    /** How long to wait after the given number of failed attempts. */
    public Duration delay(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration delay = firstRetry.multipliedBy(1L << doublings);
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }

    /** When to try again after the given number of failed attempts, or empty when that was the last attempt. */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant now) {
        return failedAttempts >= maxAttempts ? Optional.empty() : Optional.of(now.plus(delay(failedAttempts)));
    }
}
