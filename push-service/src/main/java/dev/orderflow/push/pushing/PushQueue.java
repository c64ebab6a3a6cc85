package dev.orderflow.push.pushing;

import dev.orderflow.platform.dispatch.DispatchQueue;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The PENDING pushes of the push_notifications table, as the {@link PushDispatcher} works through them: each outcome
 * is a state change of the locked {@link Push}, written when the dispatcher's transaction commits.
 */
@Component
class PushQueue implements DispatchQueue<Push> {

    private final PushNotifications pushes;

    PushQueue(PushNotifications pushes) {
        this.pushes = pushes;
    }

    @Override
    public List<Push> lockDue(Instant now, int limit) {
        return pushes.lockDue(now, limit);
    }

    @Override
    public void markDone(Push push) {
        push.sent(Instant.now());
    }

    @Override
    public void markFailed(Push push, String error, Instant retryAt) {
        push.failed(error, retryAt);
    }

    @Override
    public void postpone(Push push, Instant until) {
        push.postponed(until);
    }

    @Override
    public @Nullable String traceparent(Push push) {
        return push.traceparent();
    }

    /** The message is left out of the log. */
    @Override
    public String describe(Push push) {
        return push + " (attempt " + (push.attempts() + 1) + ")";
    }
}
