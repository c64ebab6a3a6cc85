package dev.orderflow.push.pushing;

/** How far a push got. */
public enum PushStatus {
    /** Recorded, waiting for the dispatcher: not yet tried, or failed and waiting for its next attempt. */
    PENDING,
    /** Accepted by the {@link PushSender}. */
    SENT,
    /** Given up after the configured number of attempts; the last error is recorded. */
    FAILED
}
