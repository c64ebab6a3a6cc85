package dev.orderflow.push.pushing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the PENDING pushes the listener recorded, through the {@link PushSender}, outside the listener's transaction:
 * a push provider is remote and fallible, and the Kafka consumer must neither wait for it nor fail with it. It runs on
 * one thread, woken right after every commit that recorded pushes and, for retries and for what a crash left, every
 * poll interval.
 *
 * <p>Each push is sent in its own transaction that holds the row's lock ({@code for update skip locked}), so several
 * instances never send one push at once, and marks it SENT; a failure is recorded with its error and tried again after
 * an exponentially growing wait, until it is marked FAILED after the configured number of attempts. A crash between
 * the send and the commit means the push is sent again on the next poll: delivery is at least once, the record is once
 * per (event, token).
 */
@Component
public class PushDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PushDispatcher.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final PushNotifications pushes;
    private final PushSender sender;
    private final PushProperties settings;
    private final TransactionTemplate transactions;
    private final Semaphore wakeUps = new Semaphore(0);

    private volatile boolean running;
    private volatile Thread worker;

    PushDispatcher(
            PushNotifications pushes,
            PushSender sender,
            PushProperties settings,
            PlatformTransactionManager transactions) {
        this.pushes = pushes;
        this.sender = sender;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Asks the dispatcher to look for due pushes now; cheap, and safe to call from any thread. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Wakes the dispatcher once the current transaction has committed, or now when there is none. */
    void wakeUpAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wakeUp();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeUp();
            }
        });
    }

    /**
     * Sends every push that is due now, one transaction each, until it is stopped.
     *
     * @return how many were attempted
     */
    int dispatchDue() {
        int attempted = 0;
        while (running && dispatchNext()) {
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
                    failed >= settings.maxAttempts() ? null : Instant.now().plus(settings.retryDelay(failed));
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

    private void loop() {
        while (running) {
            try {
                dispatchDue();
            } catch (RuntimeException e) {
                log.warn("Push dispatcher failed, will retry: {}", e.toString());
            }
            try {
                if (wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("push-dispatcher").daemon().start(this::loop);
    }

    /**
     * Lets the push being sent finish, within a grace period, then interrupts the dispatcher: a push cut off is still
     * PENDING and is sent on the next start (or by another instance).
     */
    @Override
    public synchronized void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            wakeUp();
            try {
                thread.join(STOP_GRACE.toMillis());
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(STOP_GRACE.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the listeners and web server, so that what they recorded last is still sent. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
