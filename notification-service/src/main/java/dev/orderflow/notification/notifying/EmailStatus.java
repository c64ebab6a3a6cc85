package dev.orderflow.notification.notifying;

/** How far a notification's e-mail got. */
public enum EmailStatus {
    /** Waiting for the e-mail dispatcher: not yet tried, or failed and waiting for its next attempt. */
    PENDING,
    /** Accepted by the mail server. */
    SENT,
    /** Given up after the configured number of attempts; the last error is recorded. */
    FAILED,
    /** Not to be e-mailed: no mail server is configured, or the customer has no address. */
    NOT_SENT
}
