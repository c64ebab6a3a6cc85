package dev.orderflow.push.pushing;

import dev.orderflow.platform.work.BackgroundWorker;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the PENDING pushes the listener recorded, through the {@link PushSender}, outside the listener's transaction:
 * a push provider is remote and fallible, and the Kafka consumer must neither wait for it nor fail with it. It is a
 * {@link BackgroundWorker}, woken right after every commit that recorded pushes and, for retries and for what a crash
 * left, every poll interval.
 *
 * <p>Each push is sent in its own transaction that holds the row's lock ({@code for update skip locked}), so several
 * instances never send one push at once, and marks it SENT; a failure is recorded with its error and tried again after
 * an exponentially growing wait, until it is marked FAILED after the configured number of attempts. A crash between
 * the send and the commit means the push is sent again on the next poll: delivery is at least once, the record is once
 * per (event, token).
 */
@Component
public class PushDispatcher extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(PushDispatcher.class);

    private final PushNotifications pushes;
    private final PushSender sender;
    private final PushProperties settings;
    private final TransactionTemplate transactions;

    PushDispatcher(
            PushNotifications pushes,
            PushSender sender,
            PushProperties settings,
            PlatformTransactionManager transactions) {
        super("push-dispatcher", settings.pollInterval(), settings.pollInterval());
        this.pushes = pushes;
        this.sender = sender;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * Sends every push that is due now, one transaction each, until it is stopped.
     *
     * @return how many were attempted
     */
    int dispatchDue() {
        int attempted = 0;
        while (isRunning() && dispatchNext()) {
            attempted++;
        }
        return attempted;
    }

    private boolean dispatchNext() {
        return Boolean.TRUE.equals(transactions.execute(status -> pushes.lockNextDue(Instant.now())
                .map(due -> {
                    send(due);
                    return true;
                })
                .orElse(false)));
    }

    private void send(PushNotifications.DuePush due) {
        Push push = due.push();
        try {
            sender.send(push);
            pushes.markSent(push.id(), Instant.now());
        } catch (RuntimeException e) {
            int failed = due.attempts() + 1;
            Instant retryAt =
                    settings.retry().nextAttempt(failed, Instant.now()).orElse(null);
            pushes.markFailed(push.id(), e.toString(), retryAt);
            if (retryAt == null) {
                log.error(
                        "Push {} to token {} failed {} times, giving up: {}",
                        push.id(),
                        push.token(),
                        failed,
                        e.toString());
            } else {
                log.warn(
                        "Push {} to token {} failed (attempt {} of {}), retrying at {}: {}",
                        push.id(),
                        push.token(),
                        failed,
                        settings.maxAttempts(),
                        retryAt,
                        e.toString());
            }
        }
    }

    @Override
    protected void work() {
        dispatchDue();
    }
}
