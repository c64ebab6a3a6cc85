package dev.orderflow.platform.dispatch;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A table of items to act on after the transactions that wrote them have committed: e-mails to send, pushes, deliveries
 * to a target. One implementation per table, with its SQL written out. The {@link Dispatcher} calls each method in the
 * one transaction of a batch of items, which holds their row locks from {@link #lockDue} until what it records commits,
 * also when a handler failed.
 *
 * @param <T> an item as the handler needs it, with whatever its {@link RetryDecision} reads (e.g. attempts so far)
 */
public interface DispatchQueue<T> {

    /**
     * Locks the items due first ({@code ... order by <due> limit :limit for update skip locked}), skipping those another
     * transaction holds, so that several dispatchers, in this instance or another, never handle one item at once. The
     * locks last until the caller's transaction ends.
     *
     * @return at most {@code limit} items, in the order they fell due; empty when none is due at {@code now}
     */
    List<T> lockDue(Instant now, int limit);

    /** The item was handled: it is not due any more. Counts as an attempt if the queue counts them. */
    void markDone(T item);

    /**
     * Handling the item failed: records the attempt and the error (at most {@value Dispatcher#MAX_ERROR_LENGTH}
     * characters).
     *
     * @param retryAt when the item is due again, or {@code null} when it was the last attempt and the item is given up
     */
    void markFailed(T item, String error, Instant retryAt);

    /**
     * Makes the item due again at {@code until} without counting an attempt: the handler did not try it (e.g. a rate
     * limit said not yet), so a burst is delayed, not dropped.
     */
    void postpone(T item, Instant until);

    /**
     * The W3C {@code traceparent} the item was written in (e.g. that of the event whose processing wrote it), which the
     * dispatcher makes current while it handles the item: its log lines, and what the handler sends, continue that
     * trace. {@code null}, the default, when the queue stores none.
     */
    default @Nullable String traceparent(T item) {
        return null;
    }

    /** How the item appears in the dispatcher's log; override to leave out what must not be logged. */
    default String describe(T item) {
        return String.valueOf(item);
    }
}
