package dev.orderflow.platform.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.platform.dispatch.TestQueue.Item;
import dev.orderflow.platform.dispatch.TestQueue.State;
import dev.orderflow.platform.observability.TraceContexts;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.TestTraces;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatcher against the real PostgreSQL: an item is handled after its commit, retried with growing waits and then
 * given up, handled in a batch with others that share its commit, never handled by two dispatchers at once, postponed
 * without counting an attempt, and handled again when its transaction did not commit.
 */
@IntegrationTest
class DispatcherIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final RetrySettings QUICK =
            new RetrySettings(3, Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(50));

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    DataSource dataSource;

    @Autowired
    TraceContexts traces;

    private final List<Dispatcher<?>> started = new ArrayList<>();
    private TestQueue queue;

    @BeforeEach
    void createQueue() {
        TestQueue.createTables(jdbc);
        queue = new TestQueue(jdbc, "queue-" + UUID.randomUUID());
    }

    @AfterEach
    void stopDispatchers() {
        started.forEach(Dispatcher::stop);
    }

    @Test
    void handlesAnItemRightAfterTheCommitThatStoredItAndMarksItDone() {
        List<String> handled = new CopyOnWriteArrayList<>();
        // it polls once an hour: only the wake-up after the commit can explain a prompt handling
        Dispatcher<Item> dispatcher = start(
                item -> handled.add(item.payload()),
                RetryDecision.backoff(QUICK, Item::attempts),
                new RetrySettings(3, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofHours(1)));
        // the first round, at start, found nothing
        await().atMost(TIMEOUT).until(() -> dispatcher.isRunning());

        long id = new TransactionTemplate(transactionManager).execute(status -> {
            long added = queue.add("hello");
            dispatcher.wakeUpAfterCommit();
            return added;
        });

        await().atMost(TIMEOUT).until(() -> "DONE".equals(queue.state(id).status()));
        assertThat(handled).containsExactly("hello");
        assertThat(queue.state(id).attempts()).isEqualTo(1);
    }

    @Test
    void retriesAFailingItemWithGrowingWaitsThenGivesItUpAndRecordsThatInTheSameTransaction() {
        List<Instant> attempts = new CopyOnWriteArrayList<>();
        long id = queue.add("refused");
        start(
                new DispatchHandler<>() {
                    @Override
                    public void handle(Item item) throws Exception {
                        attempts.add(Instant.now());
                        throw new java.io.IOException("target refused " + item.payload());
                    }

                    @Override
                    public void givenUp(Item item, Exception lastFailure) {
                        queue.recordEffect(item, "dead letter: " + lastFailure.getMessage());
                    }
                },
                RetryDecision.backoff(QUICK, Item::attempts),
                QUICK);

        await().atMost(TIMEOUT).until(() -> "FAILED".equals(queue.state(id).status()));

        State failed = queue.state(id);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isEqualTo("java.io.IOException: target refused refused");
        assertThat(attempts).hasSize(3);
        assertThat(Duration.between(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(Duration.between(attempts.get(1), attempts.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(queue.effects(id, "dead letter: target refused refused")).isEqualTo(1);
    }

    @Test
    void retriesUntilTheItemIsHandled() {
        AtomicInteger refusals = new AtomicInteger(2);
        long id = queue.add("flaky");
        start(
                item -> {
                    if (refusals.getAndDecrement() > 0) {
                        throw new IllegalStateException("not yet");
                    }
                },
                RetryDecision.backoff(QUICK, Item::attempts),
                QUICK);

        await().atMost(TIMEOUT).until(() -> "DONE".equals(queue.state(id).status()));
        State done = queue.state(id);
        assertThat(done.attempts()).isEqualTo(3);
        assertThat(done.lastError()).contains("not yet");
    }

    @Test
    void givesUpAtOnceWhenTheDecisionSaysAFailureIsFinal() {
        long id = queue.add("bad request");
        AtomicInteger handled = new AtomicInteger();
        start(
                item -> {
                    handled.incrementAndGet();
                    throw new IllegalArgumentException("400 Bad Request");
                },
                (item, failure, now) ->
                        failure instanceof IllegalArgumentException ? null : now.plus(QUICK.firstRetry()),
                QUICK);

        await().atMost(TIMEOUT).until(() -> "FAILED".equals(queue.state(id).status()));
        assertThat(queue.state(id).attempts()).isEqualTo(1);
        assertThat(handled).hasValue(1);
    }

    @Test
    void itemsDueTogetherShareOneCommitAndAFailingOneTakesNoneOfTheOthersWithIt() {
        List<Long> ids = new TransactionTemplate(transactionManager).execute(status -> {
            List<Long> added = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                added.add(queue.add(i == 2 ? "refused" : "item-" + i));
            }
            return added;
        });
        Map<Long, Long> transactionOf = new ConcurrentHashMap<>();
        start(
                item -> {
                    transactionOf.put(
                            item.id(),
                            jdbc.sql("select txid_current()").query(Long.class).single());
                    queue.recordEffect(item, "handled");
                    if (item.payload().equals("refused")) {
                        throw new java.io.IOException("target refused");
                    }
                },
                (item, failure, now) -> now.plus(Duration.ofHours(1)),
                // a batch closes after a poll interval: a long one, so that a busy machine does not split this one
                new RetrySettings(3, Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofSeconds(3)));

        await().atMost(TIMEOUT)
                .until(() -> ids.stream().allMatch(id -> queue.state(id).attempts() == 1));
        assertThat(ids).allSatisfy(id -> assertThat(queue.state(id).status())
                .isEqualTo(id.equals(ids.get(2)) ? "PENDING" : "DONE"));
        assertThat(queue.state(ids.get(2)).lastError()).isEqualTo("java.io.IOException: target refused");
        assertThat(ids)
                .allSatisfy(id -> assertThat(queue.effects(id, "handled")).isEqualTo(id.equals(ids.get(2)) ? 0 : 1));
        assertThat(Set.copyOf(transactionOf.values()))
                .as("one transaction for the batch")
                .hasSize(1);
    }

    @Test
    void aBatchTakesNoFurtherItemOnceItHasRunForAPollInterval() {
        List<Long> ids = new TransactionTemplate(transactionManager).execute(status -> {
            List<Long> added = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                added.add(queue.add("slow-" + i));
            }
            return added;
        });
        Map<Long, Long> transactionOf = new ConcurrentHashMap<>();
        start(
                item -> {
                    transactionOf.put(
                            item.id(),
                            jdbc.sql("select txid_current()").query(Long.class).single());
                    // a target slower than the poll interval
                    Thread.sleep(QUICK.pollInterval().multipliedBy(2));
                },
                RetryDecision.backoff(QUICK, Item::attempts),
                QUICK);

        await().atMost(TIMEOUT).until(() -> ids.stream()
                .allMatch(id -> "DONE".equals(queue.state(id).status())));
        assertThat(Set.copyOf(transactionOf.values()))
                .as("a transaction per item")
                .hasSize(3);
    }

    @Test
    void twoDispatchersNeverHandleOneItemAtOnce() {
        int items = 12;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            ids.add(queue.add("item-" + i));
        }
        Set<Long> inProgress = ConcurrentHashMap.newKeySet();
        List<Long> overlaps = new CopyOnWriteArrayList<>();
        Map<Long, AtomicInteger> handled = new ConcurrentHashMap<>();
        CountDownLatch gate = new CountDownLatch(1);
        DispatchHandler<Item> slowTarget = item -> {
            if (!inProgress.add(item.id())) {
                overlaps.add(item.id());
            }
            try {
                // held until the test has seen every slot of both dispatchers busy
                gate.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                handled.computeIfAbsent(item.id(), key -> new AtomicInteger()).incrementAndGet();
            } finally {
                inProgress.remove(item.id());
            }
        };
        // batches of one item, so that every slot of both dispatchers holds one
        RetrySettings twoAtOnce =
                new RetrySettings(3, Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(50), 2, 1);

        start(slowTarget, RetryDecision.backoff(twoAtOnce, Item::attempts), twoAtOnce);
        start(slowTarget, RetryDecision.backoff(twoAtOnce, Item::attempts), twoAtOnce);

        await().atMost(TIMEOUT).until(() -> inProgress.size() == 4);
        gate.countDown();
        await().atMost(TIMEOUT).until(() -> ids.stream()
                .allMatch(id -> "DONE".equals(queue.state(id).status())));

        assertThat(overlaps).isEmpty();
        assertThat(handled)
                .hasSize(items)
                .allSatisfy((id, count) -> assertThat(count).as("item " + id).hasValue(1));
    }

    @Test
    void twoDispatchersNeverTryAnItemTwiceForOneFailedAttempt() {
        // JPA's transaction manager, as the services run the dispatcher: it has no nested transactions
        assertThat(transactionManager).isInstanceOf(JpaTransactionManager.class);
        int items = 40;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            ids.add(queue.add("item-" + i));
        }
        Map<Long, AtomicInteger> tries = new ConcurrentHashMap<>();
        DispatchHandler<Item> failingTarget = item -> {
            tries.computeIfAbsent(item.id(), key -> new AtomicInteger()).incrementAndGet();
            throw new java.io.IOException("target down");
        };
        // the retry is due long after the test: any second try would be one for the same failed attempt
        RetryDecision<Item> muchLater = (item, failure, now) -> now.plus(Duration.ofHours(1));
        RetrySettings fourAtOnce =
                new RetrySettings(3, Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(10), 4);

        start(failingTarget, muchLater, fourAtOnce);
        start(failingTarget, muchLater, fourAtOnce);

        await().atMost(TIMEOUT)
                .until(() -> ids.stream().allMatch(id -> queue.state(id).attempts() >= 1));
        assertThat(tries)
                .hasSize(items)
                .allSatisfy((id, count) -> assertThat(count).as("item " + id).hasValue(1));
        assertThat(ids).allSatisfy(id -> assertThat(queue.state(id))
                .isEqualTo(new State("PENDING", 1, 0, "java.io.IOException: target down")));
    }

    @Test
    void aPostponedItemIsTriedAgainLaterWithoutCountingAnAttempt() {
        long id = queue.add("rate limited");
        AtomicInteger calls = new AtomicInteger();
        // a single attempt allowed: a postponement that counted would give the item up
        RetrySettings once =
                new RetrySettings(1, Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(50));
        start(
                item -> {
                    if (calls.incrementAndGet() <= 2) {
                        throw PostponedException.until(Instant.now().plusMillis(100));
                    }
                },
                RetryDecision.backoff(once, Item::attempts),
                once);

        await().atMost(TIMEOUT).until(() -> "DONE".equals(queue.state(id).status()));
        State done = queue.state(id);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.postponements()).isEqualTo(2);
        assertThat(done.lastError()).isNull();
        assertThat(calls).hasValue(3);
    }

    @Test
    void anItemHandledButNotCommittedIsHandledAgain() {
        long id = queue.add("sent, then the process died");
        queue.crashBeforeCommit(1);
        AtomicInteger handled = new AtomicInteger();
        start(item -> handled.incrementAndGet(), RetryDecision.backoff(QUICK, Item::attempts), QUICK);

        await().atMost(TIMEOUT).until(() -> "DONE".equals(queue.state(id).status()));
        assertThat(handled).hasValue(2);
        assertThat(queue.state(id).attempts()).isEqualTo(1);
    }

    @Test
    void whatAFailingHandlerWroteIsRolledBackAndItsFailureStillRecorded() {
        long id = queue.add("half written");
        start(
                item -> {
                    queue.recordEffect(item, "written before the failure");
                    // an SQL error aborts the PostgreSQL transaction: the failure cannot be recorded in it
                    jdbc.sql("select 1 / 0").query(Integer.class).single();
                },
                RetryDecision.never(),
                QUICK);

        await().atMost(TIMEOUT).until(() -> "FAILED".equals(queue.state(id).status()));
        assertThat(queue.state(id).lastError()).contains("division by zero");
        assertThat(queue.effects(id, "written before the failure")).isZero();
    }

    @Test
    void handlesAnItemInTheTraceItWasWrittenIn() {
        String traceId = TestTraces.newTraceId();
        String traceparent = TestTraces.traceparent(traceId);
        queue = new TestQueue(jdbc, "queue-" + UUID.randomUUID()) {
            @Override
            public @Nullable String traceparent(Item item) {
                return item.payload().equals("traced") ? traceparent : null;
            }
        };
        Map<String, String> seen = new ConcurrentHashMap<>();
        start(item -> seen.put(item.payload(), String.valueOf(traces.current())), RetryDecision.never(), QUICK);

        queue.add("traced");
        queue.add("untraced");

        await().atMost(TIMEOUT).until(() -> seen.size() == 2);
        assertThat(TraceContexts.traceId(seen.get("traced"))).isEqualTo(traceId);
        assertThat(seen.get("untraced")).isEqualTo("null");
    }

    private Dispatcher<Item> start(DispatchHandler<Item> handler, RetryDecision<Item> retry, RetrySettings settings) {
        Dispatcher<Item> dispatcher = new Dispatcher<>(
                "test-dispatcher",
                queue,
                handler,
                retry,
                settings,
                new TransactionTemplate(transactionManager),
                dataSource,
                traces);
        started.add(dispatcher);
        dispatcher.start();
        return dispatcher;
    }
}
