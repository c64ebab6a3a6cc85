package dev.orderflow.fulfillment.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.OrderCreated;
import dev.orderflow.events.OrderDispatched;
import dev.orderflow.fulfillment.Fixtures;
import dev.orderflow.platform.outbox.OutboxMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderTimingsTest {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:05Z");

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final OrderTimings timings = new OrderTimings(registry, Optional.of(Clock.fixed(NOW, ZoneOffset.UTC)));

    @Test
    void measuresFromCreatedAtToThePaidRecordOncePerOrderWhateverTheRedeliveries() {
        OrderCreated order = order(NOW.minusMillis(300));
        CloudEvent created = CloudEvent.of("/order-service", order);
        CloudEvent paid = CloudEvent.of("/billing-service", Fixtures.paid(order));

        timings.seen(created, "billing", NOW.minusMillis(290));
        timings.seen(created, "billing", NOW.minusMillis(290));
        timings.seen(paid, "payment", NOW);
        timings.seen(paid, "payment", NOW.plusSeconds(3));

        OrderTimings.Window window = timings.window();
        assertThat(window.paidP99()).isEqualTo(300);
        assertThat(window.dispatchedP99()).isNull();
        assertThat(window.points()).hasSize(OrderTimings.BUCKETS);
        assertThat(window.points().getLast().ordersPerSecond()).isEqualTo(0.1);
        timings.close();
    }

    @Test
    void theP99IsTheValueBelowWhichNinetyNinePercentLie() {
        List<Long> samples = new ArrayList<>();
        for (long i = 1; i <= 200; i++) {
            samples.add(i);
        }
        assertThat(OrderTimings.p99(samples)).isEqualTo(198);
        assertThat(OrderTimings.p99(List.of(7L))).isEqualTo(7);
        assertThat(OrderTimings.p99(List.of())).isNull();
        timings.close();
    }

    @Test
    void anOrderWhoseCreationWasNotSeenHasNoTimeAndAMissingMeterIsNotAvailable() {
        OrderCreated order = order(NOW.minusSeconds(1));
        timings.seen(
                CloudEvent.of(
                        "/fulfillment-service",
                        new OrderDispatched(order.orderId(), order.customerId(), "us-east", "rule", NOW)),
                "fulfillment",
                NOW);

        assertThat(timings.window().dispatchedP99()).isNull();
        assertThat(timings.lag()).isNull();
        Gauge.builder(OutboxMetrics.BACKLOG, () -> 4).register(registry);
        assertThat(timings.backlog()).isEqualTo(4.0);
        timings.close();
    }

    private static OrderCreated order(Instant createdAt) {
        OrderCreated order = Fixtures.order("timings-customer", "us-east");
        return new OrderCreated(
                order.orderId(),
                order.customerId(),
                order.location(),
                order.items(),
                order.total(),
                order.currency(),
                createdAt);
    }
}
