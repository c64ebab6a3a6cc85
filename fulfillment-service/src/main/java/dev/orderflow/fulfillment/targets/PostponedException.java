package dev.orderflow.fulfillment.targets;

import java.time.Instant;
import java.util.Objects;

/**
 * Thrown by an invoker that did not try the delivery and wants it again at {@link #until()}, e.g. because a rate limit
 * has no permit now. It does not count as an attempt: a burst is delayed, not dropped.
 */
public final class PostponedException extends RuntimeException {

    private final Instant until;

    private PostponedException(Instant until) {
        // control flow, not an error: no stack trace to fill
        super("postponed until " + until, null, false, false);
        this.until = Objects.requireNonNull(until, "until");
    }

    public static PostponedException until(Instant until) {
        return new PostponedException(until);
    }

    public Instant until() {
        return until;
    }
}
