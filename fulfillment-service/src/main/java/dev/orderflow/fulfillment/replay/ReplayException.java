package dev.orderflow.fulfillment.replay;

/** A replay request that cannot be done: {@link #conflict()} when the name is taken, otherwise a bad request. */
public class ReplayException extends RuntimeException {

    private final boolean conflict;

    ReplayException(String message, boolean conflict) {
        super(message);
        this.conflict = conflict;
    }

    public boolean conflict() {
        return conflict;
    }
}
