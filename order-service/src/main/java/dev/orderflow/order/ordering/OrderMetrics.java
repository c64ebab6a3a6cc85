package dev.orderflow.order.ordering;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code orderflow.orders{status}}: how many orders have each status, the saga's funnel. One {@code group by} answers
 * all statuses and is reused for a second, so that a scrape asks the database once, not once per status.
 */
@Component
class OrderMetrics {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
    private long countedAt = System.nanoTime() - FRESH.toNanos() - 1;

    OrderMetrics(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        for (OrderStatus status : OrderStatus.values()) {
            Gauge.builder("orderflow.orders", this, metrics -> metrics.count(status))
                    .description("Orders by status")
                    .tag("status", status.name())
                    .baseUnit("orders")
                    .register(meters);
        }
    }

    private synchronized double count(OrderStatus status) {
        if (System.nanoTime() - countedAt > FRESH.toNanos()) {
            Map<OrderStatus, Long> fresh = new EnumMap<>(OrderStatus.class);
            jdbc.sql("select status, count(*) from orders group by status").query(rs -> {
                fresh.put(OrderStatus.valueOf(rs.getString(1)), rs.getLong(2));
            });
            counts = fresh;
            countedAt = System.nanoTime();
        }
        return counts.getOrDefault(status, 0L);
    }
}
