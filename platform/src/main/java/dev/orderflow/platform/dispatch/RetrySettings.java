package dev.orderflow.platform.dispatch;

import dev.orderflow.platform.work.RetryPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a {@link Dispatcher} works through its queue; the one shape every dispatcher's settings take, e.g. as
 * {@code orderflow.push.dispatch.*}.
 *
 * @param maxAttempts how often an item is tried before it is given up (the default {@link RetryDecision#backoff})
 * @param firstRetry the wait after the first failed attempt; it doubles after each further failure
 * @param maxRetry the longest wait between two attempts
 * @param pollInterval how often the dispatcher looks for due items it was not woken for (retries, and rows left by a
 *     crash or written by another instance); also its wait after a round that failed
 * @param concurrency how many batches it handles at once, each in its own transaction and database connection: more
 *     than one for slow targets (e.g. an HTTP endpoint that may take seconds)
 * @param batchSize how many due items one transaction takes at most: they share its commit, and a crash before it
 *     means each is handled again; 1 for targets whose repeated effect is costly
 */
public record RetrySettings(
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1s") Duration firstRetry,
        @DefaultValue("5m") Duration maxRetry,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("1") int concurrency,
        @DefaultValue("32") int batchSize) {

    @ConstructorBinding
    public RetrySettings {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
        }
        policy(maxAttempts, firstRetry, maxRetry);
    }

    /** Settings that handle one batch of at most 32 items at a time. */
    public RetrySettings(int maxAttempts, Duration firstRetry, Duration maxRetry, Duration pollInterval) {
        this(maxAttempts, firstRetry, maxRetry, pollInterval, 1, 32);
    }

    /** Settings that handle {@code concurrency} batches of at most 32 items at a time. */
    public RetrySettings(
            int maxAttempts, Duration firstRetry, Duration maxRetry, Duration pollInterval, int concurrency) {
        this(maxAttempts, firstRetry, maxRetry, pollInterval, concurrency, 32);
    }

    /** How failed attempts are retried. */
    public RetryPolicy policy() {
        return policy(maxAttempts, firstRetry, maxRetry);
    }

    private static RetryPolicy policy(int maxAttempts, Duration firstRetry, Duration maxRetry) {
        return new RetryPolicy(maxAttempts, firstRetry, maxRetry);
    }
}
