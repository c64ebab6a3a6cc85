package dev.orderflow.platform.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * What callers submit while a batch is being written goes together in the next; a constraint fails only its own item,
 * anything else the whole batch. The first batch is held open by a latch, so that the others queue behind it whatever
 * the machine's speed.
 */
class GroupCommitTest {

    private final List<List<String>> attempts = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstBatchStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirstBatch = new CountDownLatch(1);
    private final List<Integer> sizes = new CopyOnWriteArrayList<>();
    private GroupCommit<String> commits;
    /** The outcome of "a", the item whose batch {@link #queueBehindAHeldBatch} holds open. */
    private CompletableFuture<Void> first;

    @AfterEach
    void close() throws InterruptedException {
        releaseFirstBatch.countDown();
        commits.close();
    }

    @Test
    void writesWhatIsSubmittedDuringABatchTogetherInTheNext() throws Exception {
        commits = groupCommit(10, batch -> {});
        List<CompletableFuture<Void>> next = queueBehindAHeldBatch("b", "c", "d");

        releaseFirstBatch.countDown();
        CompletableFuture.allOf(next.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0)).containsExactly("a");
        assertThat(attempts.get(1)).containsExactlyInAnyOrder("b", "c", "d");
        assertThat(sizes).containsExactly(1, 3);
    }

    @Test
    void writesAtMostMaxBatchItemsAtOnce() throws Exception {
        commits = groupCommit(2, batch -> {});
        List<CompletableFuture<Void>> next = queueBehindAHeldBatch("b", "c", "d");

        releaseFirstBatch.countDown();
        CompletableFuture.allOf(next.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(attempts.subList(1, attempts.size())).extracting(List::size).containsExactly(2, 1);
    }

    @Test
    void aConstraintFailsOnlyTheItemThatBreaksIt() throws Exception {
        commits = groupCommit(10, batch -> {
            if (batch.contains("taken")) {
                throw new DataIntegrityViolationException("duplicate key");
            }
        });
        List<CompletableFuture<Void>> next = queueBehindAHeldBatch("b", "taken", "d");

        releaseFirstBatch.countDown();

        assertThat(next.get(0)).succeedsWithin(10, TimeUnit.SECONDS);
        assertThat(next.get(2)).succeedsWithin(10, TimeUnit.SECONDS);
        assertThat(next.get(1))
                .failsWithin(10, TimeUnit.SECONDS)
                .withThrowableThat()
                .havingRootCause()
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(attempts).hasSize(5);
        assertThat(attempts.get(1)).containsExactlyInAnyOrder("b", "taken", "d");
        assertThat(attempts.subList(2, 5)).containsExactlyInAnyOrder(List.of("b"), List.of("taken"), List.of("d"));
        assertThat(sizes).containsExactly(1, 1, 1);
    }

    @Test
    void anyOtherFailureFailsTheWholeBatchWithoutTryingEachAgain() throws Exception {
        commits = groupCommit(10, batch -> {
            if (!batch.contains("a")) {
                throw new DataAccessResourceFailureException("database unavailable");
            }
        });
        List<CompletableFuture<Void>> next = queueBehindAHeldBatch("b", "c");

        releaseFirstBatch.countDown();

        for (CompletableFuture<Void> failed : next) {
            assertThat(failed)
                    .failsWithin(10, TimeUnit.SECONDS)
                    .withThrowableThat()
                    .havingRootCause()
                    .isInstanceOf(DataAccessResourceFailureException.class);
        }
        assertThat(attempts).hasSize(2);
    }

    @Test
    void closingWritesWhatWasSubmittedAndRefusesMore() throws Exception {
        commits = groupCommit(10, batch -> {});
        List<CompletableFuture<Void>> next = queueBehindAHeldBatch("b");

        CompletableFuture<Void> closed = CompletableFuture.runAsync(() -> {
            try {
                commits.close();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // close() has queued its stop behind "b" before the held batch ends
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> commits.waiting() == 2);
        releaseFirstBatch.countDown();
        closed.get(10, TimeUnit.SECONDS);

        assertThat(attempts).containsExactly(List.of("a"), List.of("b"));
        assertThat(first).succeedsWithin(10, TimeUnit.SECONDS);
        assertThat(next.getFirst()).succeedsWithin(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> commits.submit("late")).isInstanceOf(IllegalStateException.class);
    }

    /** A group commit whose first batch waits for {@link #releaseFirstBatch}; every attempt is recorded, then checked. */
    private GroupCommit<String> groupCommit(int maxBatch, Consumer<List<String>> check) {
        return new GroupCommit<>(
                "test-writes",
                maxBatch,
                batch -> {
                    if (attempts.isEmpty() && firstBatchStarted.getCount() > 0) {
                        firstBatchStarted.countDown();
                        await(releaseFirstBatch);
                    }
                    attempts.add(List.copyOf(batch));
                    check.accept(batch);
                },
                sizes::add);
    }

    /**
     * Submits "a" (its outcome in {@link #first}), whose batch is held open, then the items, and returns once they all
     * wait behind it: each item's outcome.
     */
    private List<CompletableFuture<Void>> queueBehindAHeldBatch(String... items) {
        first = CompletableFuture.runAsync(() -> commits.submit("a"), Thread::startVirtualThread);
        await(firstBatchStarted);
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (String item : items) {
            futures.add(CompletableFuture.runAsync(() -> commits.submit(item), Thread::startVirtualThread));
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> commits.waiting() == items.length);
        return futures;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
