package dev.orderflow.platform.work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Lets concurrent callers share one transaction: each {@link #submit submits} what it has to write and waits, while one
 * thread writes whatever was submitted meanwhile, at most {@code maxBatch} items, with one call of {@code write} (one
 * transaction, one commit). Nothing waits on purpose: an item submitted while no batch is being written goes at once,
 * alone; items submitted while a batch is being written go together in the next one. So a lone caller pays only the
 * hand-over to the writing thread, and under load the commits per item fall as the load rises.
 *
 * <p>An item's constraint can fail its whole batch, so a batch that fails with a {@link DataIntegrityViolationException}
 * is written again one item at a time, and only the items at fault fail. Any other failure (the database unavailable)
 * fails every item of the batch at once rather than trying each again. Each caller gets its own item's outcome, or the
 * batch's exception.
 *
 * <p>Closing it (the application context does, after the web server has finished its requests) writes what was
 * submitted before, then refuses new items.
 */
public final class GroupCommit<T> implements AutoCloseable {

    private static final Object STOP = new Object();

    private final int maxBatch;
    private final Consumer<List<T>> write;
    private final IntConsumer batchSizes;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private boolean closed;

    private final class Item {
        final @Nullable T value;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Item(@Nullable T value) {
            this.value = value;
        }
    }

    /**
     * Starts the writing thread.
     *
     * @param write writes a batch in one transaction of its own, all or nothing
     * @param batchSizes told the size of each batch written, e.g. a distribution summary's
     */
    public GroupCommit(String name, int maxBatch, Consumer<List<T>> write, IntConsumer batchSizes) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, not " + maxBatch);
        }
        this.maxBatch = maxBatch;
        this.write = write;
        this.batchSizes = batchSizes;
        this.writer = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    /**
     * Writes the item with whatever else is submitted at the same time, and returns once it is committed.
     *
     * @throws RuntimeException what writing it threw (its batch's failure, or its own when written alone)
     * @throws IllegalStateException when closed
     */
    public void submit(T value) {
        Item item = new Item(value);
        synchronized (queue) {
            if (closed) {
                throw new IllegalStateException(writer.getName() + " is closed");
            }
            queue.add(item);
        }
        try {
            item.done.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** How many items wait for the batch being written, to go in the next. */
    public int waiting() {
        return queue.size();
    }

    private void run() {
        List<Item> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            boolean stop = batch.removeIf(item -> item.value == STOP);
            if (!batch.isEmpty()) {
                write(batch);
            }
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    private void write(List<Item> batch) {
        try {
            writeTogether(batch);
        } catch (DataIntegrityViolationException e) {
            if (batch.size() == 1) {
                batch.getFirst().done.completeExceptionally(e);
                return;
            }
            for (Item item : batch) {
                try {
                    writeTogether(List.of(item));
                } catch (RuntimeException | Error alone) {
                    item.done.completeExceptionally(alone);
                }
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(item -> item.done.completeExceptionally(e));
        }
    }

    private void writeTogether(List<Item> items) {
        write.accept(items.stream().map(item -> item.value).toList());
        batchSizes.accept(items.size());
        items.forEach(item -> item.done.complete(null));
    }

    /** Writes what was submitted before, then stops the writing thread; later submissions are refused. */
    @Override
    @SuppressWarnings("unchecked")
    public void close() throws InterruptedException {
        synchronized (queue) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(new Item((T) STOP));
        }
        writer.join();
    }
}
