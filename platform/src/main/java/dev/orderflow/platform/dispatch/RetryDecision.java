package dev.orderflow.platform.dispatch;

import dev.orderflow.platform.work.RetryPolicy;
import java.time.Instant;
import java.util.function.ToIntFunction;

/**
 * Whether, and when, an item whose handling failed is tried again. Per item: a decision may read the item's own policy
 * (e.g. a target's maximum attempts and event age) and the failure (e.g. an HTTP 400 is final at once).
 *
 * @param <T> the queue's items
 */
@FunctionalInterface
public interface RetryDecision<T> {

    /**
     * @param item the item as it was locked, before this failure was recorded
     * @return when to try again, or {@code null} to give the item up
     */
    Instant nextAttempt(T item, Exception failure, Instant now);

    /**
     * Exponential backoff by the policy, counting the item's failed attempts.
     *
     * @param attempts how many attempts the item had before this one
     */
    static <T> RetryDecision<T> backoff(RetryPolicy policy, ToIntFunction<? super T> attempts) {
        return (item, failure, now) ->
                policy.nextAttempt(attempts.applyAsInt(item) + 1, now).orElse(null);
    }

    /** Exponential backoff by the settings' policy, counting the item's failed attempts. */
    static <T> RetryDecision<T> backoff(RetrySettings settings, ToIntFunction<? super T> attempts) {
        return backoff(settings.policy(), attempts);
    }

    /** Every failure is final. */
    static <T> RetryDecision<T> never() {
        return (item, failure, now) -> null;
    }
}
