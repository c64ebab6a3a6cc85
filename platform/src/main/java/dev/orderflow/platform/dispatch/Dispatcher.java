package dev.orderflow.platform.dispatch;

import dev.orderflow.platform.work.BackgroundWorker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through a {@link DispatchQueue} outside the transactions that filled it: a slow or failing target (an SMTP
 * server, a push provider, an HTTP endpoint) must neither hold up nor fail the writer, usually a Kafka listener. It is a
 * {@link BackgroundWorker}: writers call {@link #wakeUpAfterCommit()} after storing an item, and it also looks every
 * poll interval, for retries and for what a crash or another instance left.
 *
 * <p>Each item is handled in its own transaction, which holds the item's row lock from {@link
 * DispatchQueue#lockNextDue} to the commit, so that dispatchers in any number of instances never handle one item at
 * once; the handler's own writes and {@link DispatchQueue#markDone} commit together. When the handler throws, that
 * transaction is rolled back and the outcome recorded in a new one that {@link DispatchQueue#lockAgain locks the item
 * again}: {@link DispatchQueue#markFailed failed} with the time the {@link RetryDecision} chose, or given up (then
 * {@link DispatchHandler#givenUp} runs in the same transaction); or {@link DispatchQueue#postpone postponed} without
 * counting an attempt when the handler threw {@link PostponedException}. (A savepoint would spare that second
 * transaction, but JPA's transaction manager offers none.) A crash between the handling and the commit leaves the item
 * due, and it is handled again: delivery is at least once.
 *
 * <p>With {@link RetrySettings#concurrency()} above one, that many items are handled at once, each on its own virtual
 * thread, transaction and database connection.
 *
 * @param <T> the queue's items
 */
public class Dispatcher<T> extends BackgroundWorker {

    /** The longest error text handed to {@link DispatchQueue#markFailed}. */
    public static final int MAX_ERROR_LENGTH = 1000;

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final DispatchQueue<T> queue;
    private final DispatchHandler<T> handler;
    private final RetryDecision<T> retry;
    private final int concurrency;
    private final TransactionTemplate transactions;

    /**
     * @param name the name of its thread and of its log lines, e.g. {@code push-dispatcher}
     * @param retry when a failed item is tried again; e.g. {@code RetryDecision.backoff(settings, Item::attempts)}
     */
    public Dispatcher(
            String name,
            DispatchQueue<T> queue,
            DispatchHandler<T> handler,
            RetryDecision<T> retry,
            RetrySettings settings,
            PlatformTransactionManager transactions) {
        super(name, settings.pollInterval(), settings.pollInterval());
        this.name = name;
        this.queue = queue;
        this.handler = handler;
        this.retry = retry;
        this.concurrency = settings.concurrency();
        this.transactions = new TransactionTemplate(transactions);
    }

    @Override
    protected void work() {
        dispatchDue();
    }

    /**
     * Handles every item that is due now, one transaction each, until none is left or the dispatcher is stopped.
     *
     * @return how many items were handled (done, failed or postponed)
     */
    public int dispatchDue() {
        if (concurrency == 1) {
            return drain();
        }
        List<Future<Integer>> drains = new ArrayList<>(concurrency);
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name(name + "-", 1).factory())) {
            for (int i = 0; i < concurrency; i++) {
                drains.add(threads.submit(this::drain));
            }
        }
        int handled = 0;
        RuntimeException failure = null;
        for (Future<Integer> drain : drains) {
            try {
                handled += drain.get();
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return handled;
    }

    private int drain() {
        int handled = 0;
        while (isRunning() && dispatchNext()) {
            handled++;
        }
        return handled;
    }

    /** Handles the item due first, if any; whether there was one. */
    boolean dispatchNext() {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                Optional<T> next = queue.lockNextDue(Instant.now());
                next.ifPresent(this::handle);
                return next.isPresent();
            }));
        } catch (HandlerFailed e) {
            @SuppressWarnings("unchecked")
            T item = (T) e.item;
            record(item, (Exception) e.getCause());
            return true;
        }
    }

    private void handle(T item) {
        try {
            handler.handle(item);
        } catch (Exception e) {
            throw new HandlerFailed(item, e);
        }
        queue.markDone(item);
    }

    /** Records what became of an item whose handling failed, after that transaction was rolled back. */
    private void record(T item, Exception failure) {
        transactions.executeWithoutResult(status -> {
            Optional<T> locked = queue.lockAgain(item);
            if (locked.isEmpty()) {
                // another dispatcher took it in the meantime, or it is not waiting any more: its outcome counts
                log.info(
                        "{}: {} failed, and is no longer ours to record: {}",
                        name,
                        queue.describe(item),
                        failure.toString());
            } else if (failure instanceof PostponedException postponed) {
                queue.postpone(locked.get(), postponed.until());
            } else {
                failed(locked.get(), failure);
            }
        });
    }

    private void failed(T item, Exception failure) {
        Instant retryAt = retry.nextAttempt(item, failure, Instant.now());
        String error = describe(failure);
        queue.markFailed(
                item, error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH), retryAt);
        if (retryAt != null) {
            log.warn("{}: {} failed, retrying at {}: {}", name, queue.describe(item), retryAt, error);
            return;
        }
        log.error("{}: {} failed, giving up: {}", name, queue.describe(item), error);
        handler.givenUp(item, failure);
    }

    /** The exception and its root cause, which is where a protocol says what went wrong. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e + "; caused by " + root;
    }

    /** Carries the handler's exception, checked or not, and its item out of the transaction it rolls back. */
    private static final class HandlerFailed extends RuntimeException {

        private final transient Object item;

        HandlerFailed(Object item, Exception cause) {
            super(cause);
            this.item = item;
        }
    }
}
