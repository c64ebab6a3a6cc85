package dev.orderflow.fulfillment.console;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.OrderCreated;
import dev.orderflow.events.OrderDispatched;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.fulfillment.bus.BusWatcher;
import dev.orderflow.platform.kafka.ConsumerLag;
import dev.orderflow.platform.outbox.OutboxMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The console's numbers, from the events the bus sees, in memory and bounded: orders per second by {@code OrderCreated}
 * record, and the times from an order's {@code createdAt} to the records of its {@code OrderPaid} and
 * {@code OrderDispatched}, in buckets of {@value #BUCKET_SECONDS} s over the last {@value #BUCKETS} buckets; beside
 * them, sampled from the meter registry when its meters are there, the consumer lag and the outbox backlog. An order
 * whose {@code OrderCreated} this instance did not see (before it started, or on a partition another instance reads)
 * has no times.
 */
@Component
public class OrderTimings implements BusWatcher {

    static final int BUCKET_SECONDS = 10;
    static final int BUCKETS = 60;

    /** Orders remembered between their creation and their dispatch. */
    static final int ORDERS_KEPT = 100_000;

    /** Samples per bucket and kind; beyond, the bucket's percentile is of its first ones. */
    static final int SAMPLES_PER_BUCKET = 20_000;

    private static final class Order {
        final Instant createdAt;
        boolean paid;
        boolean dispatched;

        Order(Instant createdAt) {
            this.createdAt = createdAt;
        }
    }

    private static final class Bucket {
        int created;
        final List<Long> paid = new ArrayList<>();
        final List<Long> dispatched = new ArrayList<>();

        @Nullable
        Double lag;

        @Nullable
        Double backlog;
    }

    /** One bucket as the numbers page draws it; the times in milliseconds, {@code null} where nothing was measured. */
    public record Point(
            Instant start,
            double ordersPerSecond,
            @Nullable Long paidP99,
            @Nullable Long dispatchedP99,
            @Nullable Double lag,
            @Nullable Double backlog) {}

    /** The whole window: its points, oldest first, and the p99s over all of it. */
    public record Window(
            List<Point> points,
            @Nullable Long paidP99,
            @Nullable Long dispatchedP99,
            Duration length) {}

    private final Map<String, Order> orders = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Order> eldest) {
            return size() > ORDERS_KEPT;
        }
    };
    private final TreeMap<Long, Bucket> buckets = new TreeMap<>();
    private final MeterRegistry registry;
    private final Clock clock;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("console-numbers").factory());

    OrderTimings(MeterRegistry registry, Optional<Clock> clock) {
        this.registry = registry;
        this.clock = clock.orElse(Clock.systemUTC());
        sampler.scheduleWithFixedDelay(this::sample, BUCKET_SECONDS, BUCKET_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void close() {
        sampler.shutdownNow();
    }

    @Override
    public void seen(CloudEvent event, String topic, Instant recordTime) {
        switch (event.data()) {
            case OrderCreated created -> {
                synchronized (this) {
                    if (orders.containsKey(created.orderId().toString())) {
                        return;
                    }
                    Instant createdAt = created.createdAt() != null ? created.createdAt() : event.time();
                    orders.put(created.orderId().toString(), new Order(createdAt));
                    bucket(recordTime).created++;
                }
            }
            case OrderPaid paid -> {
                synchronized (this) {
                    Order order = orders.get(paid.orderId().toString());
                    if (order != null && !order.paid) {
                        order.paid = true;
                        add(bucket(recordTime).paid, Duration.between(order.createdAt, recordTime));
                    }
                }
            }
            case OrderDispatched dispatched -> {
                synchronized (this) {
                    Order order = orders.get(dispatched.orderId().toString());
                    if (order != null && !order.dispatched) {
                        order.dispatched = true;
                        add(bucket(recordTime).dispatched, Duration.between(order.createdAt, recordTime));
                    }
                }
            }
            default -> {}
        }
    }

    /** The last {@value #BUCKETS} buckets up to now, empty ones included. */
    public synchronized Window window() {
        long now = index(clock.instant());
        List<Point> points = new ArrayList<>();
        List<Long> paid = new ArrayList<>();
        List<Long> dispatched = new ArrayList<>();
        for (long i = now - BUCKETS + 1; i <= now; i++) {
            Bucket bucket = buckets.get(i);
            Instant start = Instant.ofEpochSecond(i * BUCKET_SECONDS);
            if (bucket == null) {
                points.add(new Point(start, 0, null, null, null, null));
                continue;
            }
            paid.addAll(bucket.paid);
            dispatched.addAll(bucket.dispatched);
            points.add(new Point(
                    start,
                    bucket.created / (double) BUCKET_SECONDS,
                    p99(bucket.paid),
                    p99(bucket.dispatched),
                    bucket.lag,
                    bucket.backlog));
        }
        return new Window(points, p99(paid), p99(dispatched), Duration.ofSeconds((long) BUCKETS * BUCKET_SECONDS));
    }

    /** The consumer lag now, summed over the partitions, or {@code null} where the meter is not registered. */
    public @Nullable Double lag() {
        return sum(registry.find(ConsumerLag.METER).gauges());
    }

    /** The outbox backlog now, or {@code null} where the meter is not registered. */
    public @Nullable Double backlog() {
        return sum(registry.find(OutboxMetrics.BACKLOG).gauges());
    }

    private void sample() {
        try {
            Double lag = lag();
            Double backlog = backlog();
            synchronized (this) {
                Bucket bucket = bucket(clock.instant());
                bucket.lag = lag;
                bucket.backlog = backlog;
            }
        } catch (RuntimeException e) {
            // a meter that cannot be read now (the database away): the bucket goes without the sample
        }
    }

    private static @Nullable Double sum(Collection<Gauge> gauges) {
        if (gauges.isEmpty()) {
            return null;
        }
        double sum = 0;
        for (Gauge gauge : gauges) {
            double value = gauge.value();
            if (!Double.isNaN(value)) {
                sum += value;
            }
        }
        return sum;
    }

    private Bucket bucket(Instant time) {
        long index = index(time);
        Bucket bucket = buckets.computeIfAbsent(index, i -> new Bucket());
        long oldest = index(clock.instant()) - BUCKETS;
        buckets.headMap(oldest, true).clear();
        return bucket;
    }

    private static long index(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), BUCKET_SECONDS);
    }

    private static void add(List<Long> samples, Duration latency) {
        if (samples.size() < SAMPLES_PER_BUCKET) {
            samples.add(Math.max(0, latency.toMillis()));
        }
    }

    static @Nullable Long p99(List<Long> samples) {
        if (samples.isEmpty()) {
            return null;
        }
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(0.99 * sorted.length) - 1;
        return sorted[Math.max(0, rank)];
    }
}
