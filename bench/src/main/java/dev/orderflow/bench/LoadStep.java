package dev.orderflow.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Places orders for one step and measures each one: the open model (a fixed arrival schedule; each order goes out at
 * its scheduled time, on its own virtual thread, whether or not earlier ones finished, and its latencies count from
 * that scheduled time, so a stalled suite cannot hide its stall: no coordinated omission) or the closed loop (workers
 * that each place an order and wait until it is final).
 */
final class LoadStep {

    /** 1 hour in microseconds, 3 significant digits. */
    static final long HIGHEST = TimeUnit.HOURS.toMicros(1);

    /** How long a step waits for a first {@code OrderDispatched} after its last order became final. */
    static final Duration DISPATCH_GRACE = Duration.ofSeconds(2);

    private final Suite suite;
    private final EventWatcher watcher;
    private final List<String> customers;
    private final String product;
    private final Duration completionTimeout;
    private final Duration httpTimeout;
    private final PrintStream out;

    LoadStep(
            Suite suite,
            EventWatcher watcher,
            List<String> customers,
            String product,
            Duration completionTimeout,
            Duration httpTimeout,
            PrintStream out) {
        this.suite = suite;
        this.watcher = watcher;
        this.customers = customers;
        this.product = product;
        this.completionTimeout = completionTimeout;
        this.httpTimeout = httpTimeout;
        this.out = out;
    }

    /** One order's measurements; times are {@link System#nanoTime()}. */
    private static final class Probe {
        final String customer;
        final long scheduled;
        volatile long responded;
        volatile long finished;
        volatile String orderId;
        volatile EventWatcher.Kind outcome;
        volatile long dispatched;
        volatile String error;
        final CountDownLatch done = new CountDownLatch(1);

        Probe(String customer, long scheduled) {
            this.customer = customer;
            this.scheduled = scheduled;
        }
    }

    /** The state of a running step, shared by the senders, the watcher's callbacks and the progress monitor. */
    private final class Run {
        final String label;
        final Queue<Probe> probes = new ConcurrentLinkedQueue<>();
        final LongAdder sent = new LongAdder();
        final LongAdder created = new LongAdder();
        final LongAdder finished = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder paid = new LongAdder();
        final LongAdder dispatched = new LongAdder();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        final Recorder post = new Recorder(HIGHEST, 3);
        final Recorder endToEnd = new Recorder(HIGHEST, 3);
        final AtomicLong index = new AtomicLong();
        volatile String aborted;

        Run(String label) {
            this.label = label;
        }

        Probe newProbe(long scheduled) {
            long i = index.getAndIncrement();
            Probe probe = new Probe(customers.get((int) (i % customers.size())), scheduled);
            probes.add(probe);
            sent.increment();
            return probe;
        }

        void place(Probe probe) {
            try {
                Suite.Answer answer = suite.placeOrder(probe.customer, product);
                long now = System.nanoTime();
                probe.responded = now;
                if (answer.status() != 201 || answer.id() == null) {
                    fail(probe, "http " + answer.status());
                    return;
                }
                probe.orderId = answer.id();
                created.increment();
                post.recordValue(micros(now - probe.scheduled));
                watcher.await(answer.id(), outcome -> complete(probe, outcome));
                watcher.awaitDispatch(answer.id(), outcome -> dispatched(probe, outcome));
            } catch (HttpTimeoutException e) {
                fail(probe, "timeout");
            } catch (IOException e) {
                fail(probe, "io " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(probe, "interrupted");
            }
        }

        void complete(Probe probe, EventWatcher.Outcome outcome) {
            probe.finished = outcome.nanos();
            probe.outcome = outcome.kind();
            endToEnd.recordValue(micros(outcome.nanos() - probe.scheduled));
            finished.increment();
            if (outcome.kind() == EventWatcher.Kind.PAYMENT_FAILED) {
                error("payment failed");
            } else if (outcome.kind() == EventWatcher.Kind.ORDER_PAID) {
                paid.increment();
            }
            probe.done.countDown();
        }

        void dispatched(Probe probe, EventWatcher.Outcome outcome) {
            probe.dispatched = outcome.nanos();
            dispatched.increment();
        }

        void fail(Probe probe, String kind) {
            probe.error = kind;
            error(kind);
            failed.increment();
            probe.done.countDown();
        }

        void error(String kind) {
            errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }

        long errorCount() {
            return errors.values().stream().mapToLong(LongAdder::sum).sum();
        }

        /** Sent but neither final nor failed. */
        long outstanding() {
            return sent.sum() - finished.sum() - failed.sum();
        }
    }

    /**
     * Open model: orders at {@code rate} per second for {@code duration}.
     *
     * @param abortOnBacklog stop sending once the step has clearly failed (a backlog of more than {@code backlogLimit}
     *     seconds of orders, or many errors), as the throughput search does
     */
    StepResult open(String label, double rate, Duration duration, boolean abortOnBacklog, Duration backlogLimit)
            throws InterruptedException {
        return open(label, rate, rate, duration, abortOnBacklog, backlogLimit);
    }

    /**
     * Open model whose rate rises linearly from {@code startRate} to {@code rate} over the step: the warm-up, so that
     * a cold suite is not swamped before its JIT compilers have caught up.
     */
    StepResult open(
            String label,
            double startRate,
            double rate,
            Duration duration,
            boolean abortOnBacklog,
            Duration backlogLimit)
            throws InterruptedException {
        Run run = new Run(label);
        long durationNanos = duration.toNanos();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long end = start + durationNanos;
        long backlog = Math.max(200, Math.round(rate * backlogLimit.toMillis() / 1000.0));
        Thread monitor = monitor(run, start, end, abortOnBacklog ? backlog : Long.MAX_VALUE, rate);
        long lastSend = start;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            double seconds = durationNanos / 1e9;
            double slope = (rate - startRate) / seconds; // orders/s per second
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
            drain(run, lastSend);
            monitor.interrupt();
            return result(run, rate, 0, run.aborted != null ? sent : seconds, start);
        }
    }

    /** Closed loop: {@code workers} each place an order and wait until it is final (or timed out), for {@code duration}. */
    StepResult closed(String label, int workers, Duration duration) throws InterruptedException {
        Run run = new Run(label);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Thread monitor = monitor(run, start, end, Long.MAX_VALUE, 0);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            threads.add(Thread.ofVirtual().name("bench-worker-" + w).start(() -> {
                while (System.nanoTime() - end < 0) {
                    Probe probe = run.newProbe(System.nanoTime());
                    run.place(probe);
                    try {
                        // one that never becomes final is counted by drain, as "no final event"
                        probe.done.await(completionTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        drain(run, System.nanoTime());
        monitor.interrupt();
        return result(run, 0, workers, duration.toMillis() / 1000.0, start);
    }

    /**
     * Waits until every order sent is final or failed, at most the completion timeout after the last send; then until
     * every paid order is dispatched, as long, or only {@link #DISPATCH_GRACE} when nothing was dispatched at all (a
     * stack without fulfillment-service).
     */
    private void drain(Run run, long lastSend) throws InterruptedException {
        long finalDeadline = lastSend + completionTimeout.toNanos();
        long httpDeadline = finalDeadline + httpTimeout.toNanos();
        while (run.outstanding() > 0) {
            long now = System.nanoTime();
            long awaitingHttp = run.sent.sum() - run.created.sum() - run.failed.sum();
            if (now - httpDeadline > 0 || (now - finalDeadline > 0 && awaitingHttp == 0)) {
                break;
            }
            Thread.sleep(20);
        }
        long grace = System.nanoTime() + DISPATCH_GRACE.toNanos();
        while (run.paid.sum() > run.dispatched.sum()) {
            long deadline = run.dispatched.sum() > 0 && finalDeadline - grace > 0 ? finalDeadline : grace;
            if (System.nanoTime() - deadline > 0) {
                break;
            }
            Thread.sleep(20);
        }
        for (Probe probe : run.probes) {
            if (probe.orderId != null && probe.dispatched == 0) {
                watcher.forget(probe.orderId);
            }
            if (probe.done.getCount() > 0) {
                if (probe.orderId != null) {
                    watcher.forget(probe.orderId);
                    probe.error = "no final event";
                    run.error("no final event");
                } else {
                    probe.error = "no answer";
                    run.error("no answer");
                }
                run.failed.increment();
            }
        }
    }

    private StepResult result(Run run, double rate, int workers, double seconds, long start) {
        Histogram post = new Histogram(HIGHEST, 3);
        Histogram endToEnd = new Histogram(HIGHEST, 3);
        Histogram dispatch = new Histogram(HIGHEST, 3);
        TreeMap<Integer, Histogram[]> perSecond = new TreeMap<>();
        TreeMap<Integer, long[]> counts = new TreeMap<>();
        long paid = 0;
        long paymentFailed = 0;
        for (Probe p : run.probes) {
            int second = (int) Math.max(0, (p.scheduled - start) / 1_000_000_000L);
            Histogram[] hs = perSecond.computeIfAbsent(second, s ->
                    new Histogram[] {new Histogram(HIGHEST, 3), new Histogram(HIGHEST, 3), new Histogram(HIGHEST, 3)});
            long[] c = counts.computeIfAbsent(second, s -> new long[3]);
            c[0]++;
            if (p.orderId != null && p.responded != 0) {
                long us = micros(p.responded - p.scheduled);
                post.recordValue(us);
                hs[0].recordValue(us);
            }
            if (p.outcome != null && p.error == null) {
                long us = micros(p.finished - p.scheduled);
                endToEnd.recordValue(us);
                hs[1].recordValue(us);
                c[1]++;
                if (p.outcome == EventWatcher.Kind.ORDER_PAID) {
                    paid++;
                    if (p.dispatched != 0) {
                        long toDispatch = micros(p.dispatched - p.scheduled);
                        dispatch.recordValue(toDispatch);
                        hs[2].recordValue(toDispatch);
                    }
                } else {
                    paymentFailed++;
                    c[2]++;
                }
            } else {
                c[2]++;
            }
        }
        List<StepResult.Second> series = new ArrayList<>();
        perSecond.forEach((second, hs) -> {
            long[] c = counts.get(second);
            series.add(new StepResult.Second(
                    run.label,
                    second,
                    c[0],
                    c[1],
                    c[2],
                    StepResult.ms(hs[0].getValueAtPercentile(50)),
                    StepResult.ms(hs[0].getValueAtPercentile(99)),
                    StepResult.ms(hs[1].getValueAtPercentile(50)),
                    StepResult.ms(hs[1].getValueAtPercentile(99)),
                    StepResult.ms(hs[2].getValueAtPercentile(50)),
                    StepResult.ms(hs[2].getValueAtPercentile(99))));
        });
        Map<String, Long> errors = new LinkedHashMap<>();
        new TreeMap<>(run.errors).forEach((kind, n) -> errors.put(kind, n.sum()));
        return new StepResult(
                run.label,
                rate,
                workers,
                seconds,
                run.sent.sum(),
                run.created.sum(),
                paid,
                paymentFailed,
                dispatch.getTotalCount(),
                errors,
                post,
                endToEnd,
                dispatch,
                series,
                run.aborted);
    }

    /** Prints progress every 5 s, and aborts the step once its backlog exceeds {@code backlogLimit} orders. */
    private Thread monitor(Run run, long start, long end, long backlogLimit, double rate) {
        return Thread.ofPlatform().name("bench-progress").daemon().start(() -> {
            long lastSent = 0;
            long lastFinished = 0;
            long lastPrint = start;
            Histogram postInterval = null;
            Histogram endToEndInterval = null;
            Histogram post = new Histogram(HIGHEST, 3);
            Histogram endToEnd = new Histogram(HIGHEST, 3);
            try {
                for (int tick = 1; ; tick++) {
                    long next = start + TimeUnit.SECONDS.toNanos(1) * tick;
                    sleepUntil(next);
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    long outstanding = run.outstanding();
                    if (run.aborted == null && System.nanoTime() - end < 0) {
                        if (outstanding > backlogLimit) {
                            run.aborted = "backlog of " + outstanding + " orders (" + backlogLimit + " allowed)";
                        } else if (backlogLimit != Long.MAX_VALUE && run.errorCount() > 50) {
                            run.aborted = run.errorCount() + " errors";
                        }
                    }
                    postInterval = run.post.getIntervalHistogram(postInterval);
                    post.add(postInterval);
                    endToEndInterval = run.endToEnd.getIntervalHistogram(endToEndInterval);
                    endToEnd.add(endToEndInterval);
                    if (tick % 5 == 0 || run.aborted != null) {
                        long sent = run.sent.sum();
                        long finished = run.finished.sum();
                        double secs = (next - lastPrint) / 1e9;
                        out.printf(
                                "  [%-9s %3ds] sent %7d (%6.1f/s)  final %7d (%6.1f/s)  in flight %5d  errors %d"
                                        + "  | last %ds: POST p99 %s, end-to-end p99 %s%s%n",
                                run.label,
                                tick,
                                sent,
                                (sent - lastSent) / secs,
                                finished,
                                (finished - lastFinished) / secs,
                                outstanding,
                                run.errorCount(),
                                Math.round(secs),
                                fmt(post.getTotalCount() == 0 ? -1 : post.getValueAtPercentile(99)),
                                fmt(endToEnd.getTotalCount() == 0 ? -1 : endToEnd.getValueAtPercentile(99)),
                                run.aborted != null ? "  ABORTED: " + run.aborted : "");
                        lastSent = sent;
                        lastFinished = finished;
                        lastPrint = next;
                        post.reset();
                        endToEnd.reset();
                        if (run.aborted != null) {
                            return;
                        }
                    }
                }
            } catch (RuntimeException e) {
                out.println("  progress monitor failed: " + e);
            }
        });
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

    private static String fmt(long micros) {
        if (micros < 0) {
            return "-";
        }
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
