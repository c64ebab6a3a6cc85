package dev.orderflow.push.pushing;

import dev.orderflow.platform.dispatch.DispatchQueue;
import dev.orderflow.push.pushing.PushNotifications.DuePush;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The PENDING pushes of the push_notifications table, as the {@link PushDispatcher} works through them. */
@Component
class PushQueue implements DispatchQueue<DuePush> {

    private final PushNotifications pushes;

    PushQueue(PushNotifications pushes) {
        this.pushes = pushes;
    }

    @Override
    public Optional<DuePush> lockNextDue(Instant now) {
        return pushes.lockNextDue(now);
    }

    @Override
    public Optional<DuePush> lockAgain(DuePush due) {
        return pushes.lockPending(due.push().id());
    }

    @Override
    public void markDone(DuePush due) {
        pushes.markSent(due.push().id(), Instant.now());
    }

    @Override
    public void markFailed(DuePush due, String error, Instant retryAt) {
        pushes.markFailed(due.push().id(), error, retryAt);
    }

    @Override
    public void postpone(DuePush due, Instant until) {
        pushes.postpone(due.push().id(), until);
    }

    @Override
    public String describe(DuePush due) {
        return "Push " + due.push().id() + " to token " + due.push().token() + " (attempt " + (due.attempts() + 1)
                + ")";
    }
}
