package dev.orderflow.fulfillment.delivery;

import dev.orderflow.fulfillment.FulfillmentProperties;
import dev.orderflow.fulfillment.targets.Delivery;
import dev.orderflow.fulfillment.targets.PostponedException;
import dev.orderflow.fulfillment.targets.TargetInvoker;
import dev.orderflow.fulfillment.targets.TargetInvokers;
import dev.orderflow.fulfillment.targets.TargetRefusedException;
import dev.orderflow.fulfillment.targets.TargetRetryPolicy;
import dev.orderflow.platform.work.BackgroundWorker;
import dev.orderflow.platform.work.RetryPolicy;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through the due deliveries outside the transactions that recorded them, one transaction per delivery: it locks
 * the delivery ({@code for update skip locked}, so instances never deliver one at once), hands it to the {@link
 * TargetInvoker} of its target's type inside a savepoint, and records the outcome in the same transaction: what the
 * target wrote commits exactly with its success, and is rolled back to the savepoint when it failed, while the row stays
 * locked until the failure is recorded. A crash before the commit leaves the delivery due, so delivery is at least
 * once.
 *
 * <p>A failed attempt is retried with exponential backoff and jitter ({@code first-retry}, doubling up to {@code
 * max-retry}, each wait drawn between half and all of that) until the target's {@link TargetRetryPolicy} runs out: its
 * maximum retries, or its maximum event age at the time of the next attempt. A {@link TargetRefusedException} is
 * final at once. A given-up delivery is {@code FAILED} and the {@link DeadLetterRelay} publishes it.
 *
 * <p>This has the shape of the platform's generic dispatcher (a queue of rows, a handler, a retry decision) but cannot
 * use it yet: that one takes its savepoint through {@code PROPAGATION_NESTED}, which the JPA transaction manager
 * refuses, where this one sets a JDBC savepoint itself (ADR 0007).
 */
@Component
public class DeliveryDispatcher extends BackgroundWorker {

    /** The longest error text stored with a delivery. */
    static final int MAX_ERROR_LENGTH = 1000;

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final DataSource dataSource;
    private final EntityManager entityManager;
    private final Deliveries deliveries;
    private final TargetInvokers invokers;
    private final DeadLetterRelay deadLetters;
    private final TransactionTemplate transactions;
    private final RetryPolicy backoff;
    private final Clock clock;
    private final int concurrency;

    DeliveryDispatcher(
            DataSource dataSource,
            EntityManager entityManager,
            Deliveries deliveries,
            TargetInvokers invokers,
            DeadLetterRelay deadLetters,
            PlatformTransactionManager transactions,
            FulfillmentProperties properties,
            Optional<Clock> clock) {
        super(
                "delivery-dispatcher",
                properties.delivery().pollInterval(),
                properties.delivery().pollInterval());
        this.dataSource = dataSource;
        this.entityManager = entityManager;
        this.deliveries = deliveries;
        this.invokers = invokers;
        this.deadLetters = deadLetters;
        this.transactions = new TransactionTemplate(transactions);
        this.backoff = new RetryPolicy(
                TargetRetryPolicy.MAX_RETRY_ATTEMPTS + 1,
                properties.delivery().firstRetry(),
                properties.delivery().maxRetry());
        this.clock = clock.orElse(Clock.systemUTC());
        this.concurrency = Math.max(1, properties.delivery().concurrency());
    }

    @Override
    protected void work() {
        if (concurrency == 1) {
            drain();
            return;
        }
        // slow targets (HTTP) are worked on side by side, each delivery in its own transaction and connection
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("delivery-", 1).factory())) {
            for (int i = 0; i < concurrency; i++) {
                threads.submit(() -> {
                    try {
                        drain();
                    } catch (RuntimeException e) {
                        log.warn("Delivery dispatcher failed, will retry: {}", e.toString());
                    }
                });
            }
        }
    }

    private void drain() {
        while (isRunning() && dispatchNext()) {
            // one delivery per transaction until none is due
        }
    }

    /** Delivers the delivery due first, if any; whether there was one. */
    public boolean dispatchNext() {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Optional<StoredDelivery> next = deliveries.lockNextDue(clock.instant());
            if (next.isEmpty()) {
                return false;
            }
            StoredDelivery row = next.get();
            Connection connection = DataSourceUtils.getConnection(dataSource);
            Savepoint savepoint = savepoint(connection);
            Exception failure = deliver(row.toDelivery());
            if (failure == null) {
                deliveries.markDelivered(row.id(), clock.instant());
            } else {
                // nothing the target wrote may commit; the row stays locked while its failure is recorded
                entityManager.clear();
                rollback(connection, savepoint);
                failed(row, failure);
            }
            return true;
        }));
    }

    /**
     * A JDBC savepoint on the transaction's connection: Spring's JPA transaction manager has no nested transactions,
     * and what targets write is native SQL on that connection.
     */
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
            throw new IllegalStateException("cannot roll back to the savepoint: " + e.getMessage(), e);
        }
    }

    private Exception deliver(Delivery delivery) {
        try {
            TargetInvoker invoker = invokers.forType(delivery.target().type())
                    .orElseThrow(() -> new IllegalStateException("this instance cannot deliver to targets of type "
                            + delivery.target().type()));
            invoker.deliver(delivery);
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    /** Records a failed attempt, in the delivery's transaction. */
    private void failed(StoredDelivery row, Exception failure) {
        Delivery delivery = row.toDelivery();
        Instant now = clock.instant();
        if (failure instanceof PostponedException postponed) {
            deliveries.postpone(row.id(), row.attempts(), postponed.until());
            return;
        }
        String error = describe(failure);
        Instant retryAt = nextAttempt(delivery, failure, now);
        if (retryAt != null) {
            log.warn(
                    "Delivery {} of event {} to {}/{} failed (attempt {}), retrying at {}: {}",
                    row.id(),
                    row.eventId(),
                    row.ruleName(),
                    row.targetId(),
                    row.attempts() + 1,
                    retryAt,
                    error);
            deliveries.markRetry(row.id(), row.attempts(), error, retryAt);
            return;
        }
        log.error(
                "Delivery {} of event {} to {}/{} failed (attempt {}), giving up: {}",
                row.id(),
                row.eventId(),
                row.ruleName(),
                row.targetId(),
                row.attempts() + 1,
                error);
        if (deliveries.markFailed(row.id(), row.attempts(), error, now) == 1) {
            deadLetters.wakeUpAfterCommit();
        }
    }

    /**
     * When to try again after this failure, or {@code null} to give up: a refusal is final; otherwise the target's
     * policy bounds the retries and the event's age at the next attempt.
     */
    Instant nextAttempt(Delivery delivery, Exception failure, Instant now) {
        if (failure instanceof TargetRefusedException) {
            return null;
        }
        TargetRetryPolicy policy = delivery.target().retryPolicy();
        int failedAttempts = delivery.attempts() + 1;
        if (failedAttempts > policy.maximumRetryAttempts()) {
            return null;
        }
        Duration delay = backoff.delay(failedAttempts);
        long jittered = delay.toMillis() / 2 + ThreadLocalRandom.current().nextLong(delay.toMillis() / 2 + 1);
        Instant retryAt = now.plusMillis(jittered);
        return retryAt.isAfter(delivery.eventTime().plus(policy.maximumEventAge())) ? null : retryAt;
    }

    /** The exception and its root cause, truncated to what the table keeps. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root == e ? e.toString() : e + "; caused by " + root;
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
