package dev.orderflow.notification.notifying;

import dev.orderflow.notification.notifying.Notifications.DueEmail;
import dev.orderflow.platform.dispatch.DispatchQueue;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The PENDING e-mails of the notifications table, as the {@link EmailDispatcher} works through them. */
@Component
class EmailQueue implements DispatchQueue<DueEmail> {

    private final Notifications notifications;

    EmailQueue(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public Optional<DueEmail> lockNextDue(Instant now) {
        return notifications.lockNextDue(now);
    }

    @Override
    public Optional<DueEmail> lockAgain(DueEmail email) {
        return notifications.lockPending(email.id());
    }

    /** Sent; or, when the customer has no address any more, not to be sent. */
    @Override
    public void markDone(DueEmail email) {
        if (email.to() == null) {
            notifications.markEmailNotSent(email.id());
        } else {
            notifications.markEmailSent(email.id());
        }
    }

    @Override
    public void markFailed(DueEmail email, String error, Instant retryAt) {
        notifications.markEmailFailed(email.id(), error, retryAt);
    }

    @Override
    public void postpone(DueEmail email, Instant until) {
        notifications.postponeEmail(email.id(), until);
    }

    /** Neither the address nor the message goes to the log. */
    @Override
    public String describe(DueEmail email) {
        return "E-mail of notification " + email.id() + " (attempt " + (email.attempts() + 1) + ")";
    }
}
