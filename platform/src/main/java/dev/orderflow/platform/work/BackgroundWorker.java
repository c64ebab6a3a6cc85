package dev.orderflow.platform.work;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One background thread that acts on committed rows outside the transactions that wrote them: the outbox relay, the
 * e-mail and push dispatchers. It does its {@link #work()} when woken, which writers do right after their commit
 * ({@link #wakeUpAfterCommit()}), and at least every poll interval, for retries and for rows that a crash or another
 * instance left. A failed round is logged and tried again after the retry backoff.
 *
 * <p>It starts with the application and stops after the listeners and the web server, so that what they wrote last is
 * still handled; on stop it lets the round in progress finish within a grace period, then interrupts it: work cut off
 * is left in its rows, to be done on the next start or by another instance.
 */
public abstract class BackgroundWorker implements SmartLifecycle {

    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Duration pollInterval;
    private final Duration retryBackoff;
    private final Semaphore wakeUps = new Semaphore(0);
    private final TransactionSynchronization wakeUpOnCommit = new TransactionSynchronization() {
        @Override
        public void afterCommit() {
            wakeUp();
        }
    };

    private volatile boolean running;
    private @Nullable Thread thread;

    protected BackgroundWorker(String name, Duration pollInterval, Duration retryBackoff) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.retryBackoff = retryBackoff;
    }

    /** Does what is due now, on the worker's thread; long rounds should check {@link #isRunning()} between steps. */
    protected abstract void work();

    /** Whether the worker has anything to do at all; one that is not enabled never starts. */
    protected boolean enabled() {
        return true;
    }

    /** Asks the worker to look for work now; cheap, and safe to call from any thread. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Wakes the worker once the current transaction has committed, or now when there is none. */
    public void wakeUpAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wakeUp();
            return;
        }
        // one registration per transaction, however many rows it writes: the synchronizations are a set
        TransactionSynchronizationManager.registerSynchronization(wakeUpOnCommit);
    }

    private void loop() {
        while (running) {
            boolean failed = false;
            try {
                work();
            } catch (RuntimeException e) {
                failed = true;
                log.warn("{} failed, will retry: {}", name, e.toString());
            }
            try {
                long wait = (failed ? retryBackoff : pollInterval).toMillis();
                if (wakeUps.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running || !enabled()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread == null) {
            return;
        }
        wakeUp();
        try {
            thread.join(STOP_GRACE.toMillis());
            if (thread.isAlive()) {
                log.info("{} did not finish within {}; interrupting it", name, STOP_GRACE);
                thread.interrupt();
                thread.join(STOP_GRACE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the listeners and the web server (a lower phase stops later). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
