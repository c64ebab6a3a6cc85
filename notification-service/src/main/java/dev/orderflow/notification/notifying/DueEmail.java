package dev.orderflow.notification.notifying;

import org.jspecify.annotations.Nullable;

/**
 * An e-mail the dispatcher is to send now: its notification, locked, and where it goes.
 *
 * @param to the customer's address, {@code null} when they have none any more
 */
record DueEmail(Notification notification, @Nullable String to) {

    /** How often it was tried before. */
    int attempts() {
        return notification.emailAttempts();
    }
}
