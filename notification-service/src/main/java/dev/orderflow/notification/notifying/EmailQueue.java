package dev.orderflow.notification.notifying;

import dev.orderflow.notification.contacts.CustomerContacts;
import dev.orderflow.platform.dispatch.DispatchQueue;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The PENDING e-mails of the notifications table, as the {@link EmailDispatcher} works through them: each outcome is a
 * state change of the locked {@link Notification}, written when the dispatcher's transaction commits.
 */
@Component
class EmailQueue implements DispatchQueue<DueEmail> {

    private final Notifications notifications;
    private final CustomerContacts contacts;

    EmailQueue(Notifications notifications, CustomerContacts contacts) {
        this.notifications = notifications;
        this.contacts = contacts;
    }

    @Override
    public List<DueEmail> lockDue(Instant now, int limit) {
        return notifications.lockEmailsDue(now, limit).stream()
                .map(this::addressed)
                .toList();
    }

    /** Sent; or, when the customer has no address any more, not to be sent. */
    @Override
    public void markDone(DueEmail email) {
        if (email.to() == null) {
            email.notification().emailNotSent();
        } else {
            email.notification().emailSent();
        }
    }

    @Override
    public void markFailed(DueEmail email, String error, Instant retryAt) {
        email.notification().emailFailed(error, retryAt);
    }

    @Override
    public void postpone(DueEmail email, Instant until) {
        email.notification().emailPostponed(until);
    }

    @Override
    public @Nullable String traceparent(DueEmail email) {
        return email.notification().traceparent();
    }

    /** Neither the address nor the message goes to the log. */
    @Override
    public String describe(DueEmail email) {
        return "E-mail of notification " + email.notification().id() + " (attempt " + (email.attempts() + 1) + ")";
    }

    private DueEmail addressed(Notification notification) {
        return new DueEmail(
                notification, contacts.emailOf(notification.customerId()).orElse(null));
    }
}
