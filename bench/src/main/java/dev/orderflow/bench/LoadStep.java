package dev.orderflow.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Places orders for one step and measures each one: the open model (a fixed arrival schedule; each order goes out at
 * its scheduled time, on its own virtual thread, whether or not earlier ones finished, and its latencies count from
 * that scheduled time, so a stalled suite cannot hide its stall: no coordinated omission) or the closed loop (workers
 * that each place an order and wait until it is final).
 */
record LoadStep(Suite suite, EventWatcher watcher, List<String> customers, BenchOptions options, PrintStream out) {

    /** 1 hour in microseconds, 3 significant digits. */
    static final long HIGHEST = TimeUnit.HOURS.toMicros(1);

    /** How long a step waits for a first {@code OrderDispatched} after its last order became final. */
    static final Duration DISPATCH_GRACE = Duration.ofSeconds(2);

    /** One order's measurements; times are {@link System#nanoTime()}, 0 until they happened. */
    private static final class Probe {
        final String customer;
        final long scheduled;
        final CountDownLatch done = new CountDownLatch(1);
        volatile long responded, finished, dispatched;
        volatile String orderId, error;
        volatile EventWatcher.Kind outcome;

        Probe(String customer, long scheduled) {
            this.customer = customer;
            this.scheduled = scheduled;
        }
    }

    /**
     * The state of a running step, shared by the senders, the watcher's callbacks and the progress monitor it starts.
     */
    private final class Run {
        final String label;
        final long start, end;
        final Thread monitor;
        final Queue<Probe> probes = new ConcurrentLinkedQueue<>();
        final AtomicLong sent = new AtomicLong();
        final LongAdder created = new LongAdder(), finished = new LongAdder(), failed = new LongAdder();
        final LongAdder paid = new LongAdder(), dispatched = new LongAdder();
        final Map<String, Long> errors = new ConcurrentSkipListMap<>();
        volatile String aborted;

        /** {@code backlogLimit}: the orders outstanding at which the step is aborted. */
        Run(String label, long start, long end, long backlogLimit) {
            this.label = label;
            this.start = start;
            this.end = end;
            this.monitor = monitor(backlogLimit);
        }

        Probe newProbe(long scheduled) {
            Probe probe = new Probe(customers.get((int) (sent.getAndIncrement() % customers.size())), scheduled);
            probes.add(probe);
            return probe;
        }

        void place(Probe probe) {
            try {
                Suite.Answer answer = suite.placeOrder(probe.customer, options.product());
                probe.responded = System.nanoTime();
                if (answer.status() != 201 || answer.id() == null) {
                    fail(probe, "http " + answer.status());
                    return;
                }
                probe.orderId = answer.id();
                created.increment();
                watcher.await(answer.id(), outcome -> {
                    probe.finished = outcome.nanos();
                    probe.outcome = outcome.kind();
                    finished.increment();
                    if (outcome.kind() == EventWatcher.Kind.PAYMENT_FAILED) {
                        error("payment failed");
                    } else {
                        paid.increment();
                    }
                    probe.done.countDown();
                });
                watcher.awaitDispatch(answer.id(), outcome -> {
                    probe.dispatched = outcome.nanos();
                    dispatched.increment();
                });
            } catch (HttpTimeoutException e) {
                fail(probe, "timeout");
            } catch (IOException e) {
                fail(probe, "io " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(probe, "interrupted");
            }
        }

        void fail(Probe probe, String kind) {
            probe.error = kind;
            error(kind);
            failed.increment();
            probe.done.countDown();
        }

        void error(String kind) {
            errors.merge(kind, 1L, Long::sum);
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Sent but neither final nor failed. */
        long outstanding() {
            return sent.get() - finished.sum() - failed.sum();
        }

        /**
         * Waits until every order sent is final or failed, at most the completion timeout after the last send; then
         * until every paid order is dispatched, as long, or only {@link #DISPATCH_GRACE} when nothing was dispatched at
         * all (a stack without fulfillment-service). Then stops the monitor and sums the step up.
         */
        StepResult finish(long lastSend, Double rate, Integer workers, double seconds) throws InterruptedException {
            long finalDeadline = lastSend + options.completionTimeout().toNanos();
            long httpDeadline = finalDeadline + options.httpTimeout().toNanos();
            while (outstanding() > 0) {
                long now = System.nanoTime();
                long awaitingHttp = sent.get() - created.sum() - failed.sum();
                if (now - httpDeadline > 0 || (now - finalDeadline > 0 && awaitingHttp == 0)) {
                    break;
                }
                Thread.sleep(20);
            }
            long grace = System.nanoTime() + DISPATCH_GRACE.toNanos();
            while (paid.sum() > dispatched.sum()) {
                long deadline = dispatched.sum() > 0 && finalDeadline - grace > 0 ? finalDeadline : grace;
                if (System.nanoTime() - deadline > 0) {
                    break;
                }
                Thread.sleep(20);
            }
            monitor.interrupt();
            Tally total = new Tally();
            Map<Integer, Tally> perSecond = new TreeMap<>();
            for (Probe probe : probes) {
                if (probe.orderId != null && (probe.dispatched == 0 || probe.done.getCount() > 0)) {
                    watcher.forget(probe.orderId);
                }
                if (probe.done.getCount() > 0) {
                    probe.error = probe.orderId != null ? "no final event" : "no answer";
                    error(probe.error);
                    failed.increment();
                }
                total.add(probe);
                int second = (int) Math.max(0, (probe.scheduled - start) / 1_000_000_000L);
                perSecond.computeIfAbsent(second, s -> new Tally()).add(probe);
            }
            return new StepResult(
                    label,
                    rate,
                    workers,
                    seconds,
                    sent.get(),
                    created.sum(),
                    total.completed - total.paymentFailed,
                    total.paymentFailed,
                    total.dispatch.getTotalCount(),
                    new TreeMap<>(errors),
                    total.post,
                    total.endToEnd,
                    total.dispatch,
                    perSecond.entrySet().stream()
                            .map(e -> e.getValue().second(label, e.getKey()))
                            .toList(),
                    aborted);
        }

        /**
         * Prints progress every 5 s, with the p99 latencies of what answered or became final in those seconds, and
         * aborts the step once more than {@code backlogLimit} orders are outstanding.
         */
        private Thread monitor(long backlogLimit) {
            return Thread.ofPlatform().name("bench-progress").daemon().start(() -> {
                long lastSent = 0, lastFinished = 0, lastPrint = start;
                try {
                    for (int tick = 1; ; tick++) {
                        long next = start + TimeUnit.SECONDS.toNanos(tick);
                        sleepUntil(next);
                        if (Thread.currentThread().isInterrupted()) {
                            return;
                        }
                        long outstanding = outstanding();
                        if (aborted == null && System.nanoTime() - end < 0) {
                            if (outstanding > backlogLimit) {
                                aborted = "backlog of " + outstanding + " orders (" + backlogLimit + " allowed)";
                            } else if (backlogLimit != Long.MAX_VALUE && errorCount() > 50) {
                                aborted = errorCount() + " errors";
                            }
                        }
                        if (tick % 5 != 0 && aborted == null) {
                            continue;
                        }
                        Histogram post = new Histogram(HIGHEST, 3);
                        Histogram endToEnd = new Histogram(HIGHEST, 3);
                        for (Probe p : probes) {
                            if (p.orderId != null && p.responded - lastPrint > 0 && p.responded - next <= 0) {
                                post.recordValue(micros(p.responded - p.scheduled));
                            }
                            if (p.outcome != null && p.finished - lastPrint > 0 && p.finished - next <= 0) {
                                endToEnd.recordValue(micros(p.finished - p.scheduled));
                            }
                        }
                        long sentNow = sent.get(), finishedNow = finished.sum();
                        double secs = (next - lastPrint) / 1e9;
                        out.printf(
                                "  [%-9s %3ds] sent %7d (%6.1f/s)  final %7d (%6.1f/s)  in flight %5d  errors %d"
                                        + "  | last %ds: POST p99 %s, end-to-end p99 %s%s%n",
                                label,
                                tick,
                                sentNow,
                                (sentNow - lastSent) / secs,
                                finishedNow,
                                (finishedNow - lastFinished) / secs,
                                outstanding,
                                errorCount(),
                                Math.round(secs),
                                p99(post),
                                p99(endToEnd),
                                aborted != null ? "  ABORTED: " + aborted : "");
                        lastSent = sentNow;
                        lastFinished = finishedNow;
                        lastPrint = next;
                        if (aborted != null) {
                            return;
                        }
                    }
                } catch (RuntimeException e) {
                    out.println("  progress monitor failed: " + e);
                }
            });
        }
    }

    /**
     * Open model: orders for {@code duration} at a rate that rises linearly from {@code startRate} to {@code rate} (the
     * warm-up, so that a cold suite is not swamped before its JIT compilers have caught up) or stays at {@code rate}.
     *
     * @param backlogLimit when not null, stop sending once the step has clearly failed (a backlog of more than this
     *     many seconds of orders, or many errors), as the throughput search does
     */
    StepResult open(String label, double startRate, double rate, Duration duration, Duration backlogLimit)
            throws InterruptedException {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long end = start + duration.toNanos();
        long backlog = backlogLimit == null
                ? Long.MAX_VALUE
                : Math.max(200, Math.round(rate * backlogLimit.toMillis() / 1000.0));
        Run run = new Run(label, start, end, backlog);
        long lastSend = start;
        double seconds = duration.toNanos() / 1e9;
        double slope = (rate - startRate) / seconds; // orders/s per second
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; ; i++) {
                long at = start + (long) (1e9 * secondsUntil(i, startRate, slope));
                if (at - end >= 0 || run.aborted != null) {
                    break;
                }
                sleepUntil(at);
                Probe probe = run.newProbe(at);
                senders.execute(() -> run.place(probe));
                lastSend = at;
            }
            double sent = (Math.min(System.nanoTime(), end) - start) / 1e9;
            return run.finish(lastSend, rate, null, run.aborted != null ? sent : seconds);
        }
    }

    /** Closed loop: {@code workers} each place an order and wait until it is final (or timed out), for {@code duration}. */
    StepResult closed(String label, int workers, Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        Run run = new Run(label, start, start + duration.toNanos(), Long.MAX_VALUE);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            threads.add(Thread.ofVirtual().name("bench-worker-" + w).start(() -> {
                while (System.nanoTime() - run.end < 0) {
                    Probe probe = run.newProbe(System.nanoTime());
                    run.place(probe);
                    try {
                        // one that never becomes final is counted by finish, as "no final event"
                        probe.done.await(options.completionTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return run.finish(System.nanoTime(), null, workers, duration.toMillis() / 1000.0);
    }

    /** Latencies and counts of a set of orders: a whole step, or one second of it. */
    private static final class Tally {
        final Histogram post = new Histogram(HIGHEST, 3);
        final Histogram endToEnd = new Histogram(HIGHEST, 3);
        final Histogram dispatch = new Histogram(HIGHEST, 3);
        long sent, completed, paymentFailed, errors;

        void add(Probe p) {
            sent++;
            if (p.orderId != null && p.responded != 0) {
                post.recordValue(micros(p.responded - p.scheduled));
            }
            if (p.outcome == null || p.error != null) {
                errors++;
                return;
            }
            completed++;
            endToEnd.recordValue(micros(p.finished - p.scheduled));
            if (p.outcome == EventWatcher.Kind.PAYMENT_FAILED) {
                paymentFailed++;
                errors++;
            } else if (p.dispatched != 0) {
                dispatch.recordValue(micros(p.dispatched - p.scheduled));
            }
        }

        StepResult.Second second(String step, int second) {
            return new StepResult.Second(
                    step,
                    second,
                    sent,
                    completed,
                    errors,
                    StepResult.ms(post, 50),
                    StepResult.ms(post, 99),
                    StepResult.ms(endToEnd, 50),
                    StepResult.ms(endToEnd, 99),
                    StepResult.ms(dispatch, 50),
                    StepResult.ms(dispatch, 99));
        }
    }

    /**
     * When the {@code i}-th order (from 0) is due, in seconds from the start, at a rate of {@code startRate + slope *
     * t}: the root of {@code startRate * t + slope * t^2 / 2 = i}.
     */
    static double secondsUntil(long i, double startRate, double slope) {
        if (Math.abs(slope) < 1e-9) {
            return i / startRate;
        }
        return (-startRate + Math.sqrt(startRate * startRate + 2 * slope * i)) / slope;
    }

    /** A progress line's p99: one decimal under 10 ms, whole above, "-" when nothing was measured. */
    static String p99(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "-";
        }
        long micros = h.getValueAtPercentile(99);
        return micros >= 10_000 ? Math.round(micros / 1000.0) + " ms" : String.format("%.1f ms", micros / 1000.0);
    }

    static long micros(long nanos) {
        return Math.max(0, Math.min(HIGHEST, nanos / 1000));
    }

    static void sleepUntil(long deadline) {
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }
}
