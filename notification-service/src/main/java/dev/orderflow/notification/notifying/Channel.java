package dev.orderflow.notification.notifying;

/** How a notification reaches the customer, decided when it is stored. */
public enum Channel {
    /** E-mailed (see its {@link EmailStatus}) and stored. */
    EMAIL,
    /** Only stored, to be read with {@code GET /notifications}: no mail server is configured, or no address known. */
    STORED
}
