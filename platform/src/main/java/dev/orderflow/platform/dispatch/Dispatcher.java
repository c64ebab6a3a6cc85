package dev.orderflow.platform.dispatch;

import dev.orderflow.platform.observability.TraceContexts;
import dev.orderflow.platform.work.BackgroundWorker;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * Works through a {@link DispatchQueue} outside the transactions that filled it: a slow or failing target (an SMTP
 * server, a push provider, an HTTP endpoint, a workflow step) must neither hold up nor fail the writer, usually a Kafka
 * listener. It is a {@link BackgroundWorker}: writers call {@link #wakeUpAfterCommit()} after storing an item, and it
 * also looks every poll interval, for retries and for what a crash or another instance left.
 *
 * <p>Items are handled in batches of up to {@link RetrySettings#batchSize()}, one transaction per batch, which holds
 * the items' row locks from {@link DispatchQueue#lockDue} to the commit, so that dispatchers in any number of instances
 * never handle one item at once, and never try it twice for one attempt; a batch shares one commit among its items,
 * which is most of the cost of a local target. Each item's handler runs after a JDBC savepoint set on the transaction's
 * own connection; its writes and {@link DispatchQueue#markDone} commit with the batch. When it throws, the transaction
 * is rolled back to the savepoint, which undoes what the handler wrote (and clears an SQL error that aborted the
 * PostgreSQL transaction) but keeps the row locks, and the outcome is recorded in that same transaction: {@link
 * DispatchQueue#markFailed failed} with the time the {@link RetryDecision} chose, or given up (then {@link
 * DispatchHandler#givenUp} runs too; when it throws, the whole batch is rolled back and tried again); or {@link
 * DispatchQueue#postpone postponed} without counting an attempt when the handler threw {@link PostponedException}.
 * A batch takes no further
 * item once it has run for a poll interval, so that a slow target does not hold the locks of the rest for long; the
 * items it locked but did not reach stay due. A crash before the commit leaves every item of the batch due, and they
 * are handled again: delivery is at least once.
 *
 * <p>With {@link RetrySettings#concurrency()} above one, that many batches are handled at once, each on its own virtual
 * thread, transaction and database connection.
 *
 * <p>Each item is handled in the trace context its queue stored with it ({@link DispatchQueue#traceparent}), so that
 * the handler's log lines, and what it sends, continue the trace of the request or event that wrote the item.
 *
 * @param <T> the queue's items
 */
public class Dispatcher<T> extends BackgroundWorker {

    /** The longest error text handed to {@link DispatchQueue#markFailed}. */
    public static final int MAX_ERROR_LENGTH = 1000;

    /** Whether JPA is on the class path, so that a transaction may have a persistence context to flush. */
    private static final boolean JPA =
            ClassUtils.isPresent("jakarta.persistence.EntityManager", Dispatcher.class.getClassLoader())
                    && ClassUtils.isPresent(
                            "org.springframework.orm.jpa.EntityManagerHolder", Dispatcher.class.getClassLoader());

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final DispatchQueue<T> queue;
    private final DispatchHandler<T> handler;
    private final RetryDecision<T> retry;
    private final int concurrency;
    private final int batchSize;
    private final Duration batchTime;
    private final TransactionTemplate transactions;
    private final DataSource dataSource;
    private final TraceContexts traces;

    /**
     * @param name the name of its thread and of its log lines, e.g. {@code push-dispatcher}
     * @param retry when a failed item is tried again; e.g. {@code RetryDecision.backoff(settings, Item::attempts)}
     * @param transactions transactions of a manager that binds its connection to {@code dataSource}
     * @param dataSource where the items are, and where the savepoint before each handling is set
     * @param traces what makes each item's {@link DispatchQueue#traceparent trace context} current while it is handled
     */
    public Dispatcher(
            String name,
            DispatchQueue<T> queue,
            DispatchHandler<T> handler,
            RetryDecision<T> retry,
            RetrySettings settings,
            TransactionTemplate transactions,
            DataSource dataSource,
            TraceContexts traces) {
        super(name, settings.pollInterval(), settings.pollInterval());
        this.name = name;
        this.queue = queue;
        this.handler = handler;
        this.retry = retry;
        this.concurrency = settings.concurrency();
        this.batchSize = settings.batchSize();
        this.batchTime = settings.pollInterval();
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.traces = traces;
    }

    @Override
    protected void work() {
        dispatchDue();
    }

    /**
     * Handles every item that is due now, a batch per transaction, until none is left or the dispatcher is stopped.
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
        int batch;
        while (isRunning() && (batch = dispatchBatch()) > 0) {
            handled += batch;
        }
        return handled;
    }

    /** Handles a batch of the items due first, in one transaction; how many it handled (0 when none was due). */
    int dispatchBatch() {
        Integer handled = transactions.execute(status -> {
            Instant start = Instant.now();
            List<T> due = queue.lockDue(start, batchSize);
            int count = 0;
            for (T item : due) {
                if (count > 0 && Duration.between(start, Instant.now()).compareTo(batchTime) > 0) {
                    break;
                }
                handle(item);
                count++;
            }
            return count;
        });
        return handled == null ? 0 : handled;
    }

    /** Handles the locked item in the trace it was written in, and records the outcome while the row stays locked. */
    private void handle(T item) {
        try (TraceContexts.Scope trace = traces.open(queue.traceparent(item))) {
            handleInItsTrace(item);
        }
    }

    private void handleInItsTrace(T item) {
        Connection connection = transactionConnection();
        Savepoint savepoint = savepoint(connection);
        try {
            handler.handle(item);
        } catch (Exception failure) {
            rollback(connection, savepoint);
            if (failure instanceof PostponedException postponed) {
                queue.postpone(item, postponed.until());
            } else {
                failed(item, failure);
            }
            return;
        }
        queue.markDone(item);
    }

    /**
     * The connection of the current transaction, with what the persistence context holds written to it: a connection
     * of its own would take the savepoint outside the transaction.
     */
    private Connection transactionConnection() {
        if (!(TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder)) {
            throw new IllegalStateException(
                    name + ": the transaction manager does not expose its connection to the dispatcher's data source");
        }
        if (JPA) {
            PersistenceContexts.flush();
        }
        return DataSourceUtils.getConnection(dataSource);
    }

    private static Savepoint savepoint(Connection connection) {
        try {
            return connection.setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set a savepoint: " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection connection, Savepoint savepoint) {
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            // the whole transaction is rolled back, and the item is tried again without counting an attempt
            throw new IllegalStateException("cannot roll back to the savepoint: " + e.getMessage(), e);
        }
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

    /** The persistence contexts of the current transaction; a class of its own, loaded only when JPA is present. */
    private static final class PersistenceContexts {

        static void flush() {
            for (Object resource :
                    TransactionSynchronizationManager.getResourceMap().values()) {
                if (resource instanceof EntityManagerHolder holder) {
                    EntityManager entityManager = holder.getEntityManager();
                    entityManager.flush();
                }
            }
        }
    }
}
