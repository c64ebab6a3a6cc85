package dev.orderflow.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox's meters: {@code orderflow.outbox.backlog} (rows waiting), {@code orderflow.outbox.oldest.age} (how long
 * the oldest of them has waited, 0 when none does) and {@code orderflow.outbox.publish.latency} (from an event's
 * publication in its transaction to the broker's acknowledgement). The gauges ask the database when they are read,
 * that is once per scrape.
 */
public class OutboxMetrics {

    /** The backlog gauge's name. */
    public static final String BACKLOG = "orderflow.outbox.backlog";

    /** No meters. */
    public static final OutboxMetrics NONE = new OutboxMetrics(null);

    private final @Nullable Timer latency;

    private OutboxMetrics(@Nullable Timer latency) {
        this.latency = latency;
    }

    /** Registers the outbox's meters. */
    public static OutboxMetrics register(MeterRegistry registry, JdbcClient jdbc) {
        Gauge.builder(BACKLOG, () -> backlog(jdbc))
                .description("Events in the outbox waiting to be published")
                .baseUnit("events")
                .register(registry);
        Gauge.builder("orderflow.outbox.oldest.age", () -> oldestAgeSeconds(jdbc))
                .description("How long the oldest event in the outbox has waited to be published")
                .baseUnit("seconds")
                .register(registry);
        return new OutboxMetrics(Timer.builder("orderflow.outbox.publish.latency")
                .description("From an event's publication in its transaction to the broker's acknowledgement")
                .publishPercentileHistogram()
                .register(registry));
    }

    /** An event the broker acknowledged, published in its transaction at {@code time}. */
    void published(Instant time) {
        if (latency != null) {
            latency.record(Duration.between(time, Instant.now()));
        }
    }

    private static long backlog(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from outbox").query(Long.class).single();
    }

    private static double oldestAgeSeconds(JdbcClient jdbc) {
        return jdbc.sql("select coalesce(extract(epoch from now() - min(occurred_at)), 0) from outbox")
                .query(Double.class)
                .single();
    }
}
