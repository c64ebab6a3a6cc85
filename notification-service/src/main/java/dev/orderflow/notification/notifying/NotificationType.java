package dev.orderflow.notification.notifying;

/** What a notification reports, and the subject of its e-mail. */
public enum NotificationType {
    DEPOSIT_ACCEPTED("Your deposit was accepted"),
    ORDER_PAID("Your order was paid"),
    PAYMENT_FAILED("Your order could not be paid"),
    ORDER_DISPATCHED("Your order has been dispatched"),
    DIRECT("A message from orderflow");

    private final String subject;

    NotificationType(String subject) {
        this.subject = subject;
    }

    /** The subject line of the e-mail. */
    public String subject() {
        return subject;
    }
}
