package dev.orderflow.platform.dispatch;

import java.time.Instant;
import java.util.Objects;

/**
 * Thrown by a {@link DispatchHandler} that did not try the item and wants it again at {@link #until()}, e.g. because a
 * rate limit has no permit now. It does not count as an attempt, and nothing is logged: a burst is delayed, not
 * dropped.
 */
public final class PostponedException extends RuntimeException {

    private final Instant until;

    private PostponedException(Instant until) {
        // control flow, not an error: no stack trace to fill
        super("postponed until " + until, null, false, false);
        this.until = Objects.requireNonNull(until, "until");
    }

    /** Postpones the item until the given time. */
    public static PostponedException until(Instant until) {
        return new PostponedException(until);
    }

    public Instant until() {
        return until;
    }
}
