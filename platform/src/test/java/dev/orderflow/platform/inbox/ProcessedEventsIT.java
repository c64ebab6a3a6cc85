package dev.orderflow.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testsupport.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The guard runs an event's effect once, even when deliveries race, and not at all when the effect fails; it forgets ids
 * after the retention.
 */
@IntegrationTest
class ProcessedEventsIT {

    @Autowired
    ProcessedEvents processedEvents;

    @Autowired
    ProcessedEventsRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsTheEffectOnceWhenTheSameEventIsDeliveredConcurrently() throws Exception {
        String eventId = UUID.randomUUID().toString();
        AtomicInteger effects = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> deliveries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            deliveries.add(() -> {
                start.await();
                return processedEvents.once(eventId, effects::incrementAndGet);
            });
        }

        int ran = 0;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> results =
                    deliveries.stream().map(threads::submit).toList();
            start.countDown();
            for (Future<Boolean> result : results) {
                ran += result.get() ? 1 : 0;
            }
        }

        assertThat(ran).isEqualTo(1);
        assertThat(effects).hasValue(1);
        assertThat(processedEvents.contains(eventId)).isTrue();
    }

    @Test
    void anEffectThatFailsIsNotRecordedSoTheRedeliveryRunsIt() {
        String eventId = UUID.randomUUID().toString();

        try {
            processedEvents.once(eventId, () -> {
                throw new IllegalStateException("database said no");
            });
        } catch (IllegalStateException expected) {
            // the listener fails, the record is retried
        }

        assertThat(processedEvents.contains(eventId)).isFalse();
        assertThat(processedEvents.once(eventId, () -> {})).isTrue();
    }

    @Test
    void forgetsTheIdsOfEventsProcessedBeforeTheRetention() {
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        processedEvents.once(old, () -> {});
        processedEvents.once(recent, () -> {});
        jdbc.sql("update processed_events set processed_at = now() - interval '8 days 1 minute' where event_id = ?")
                .param(old)
                .update();

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        assertThat(processedEvents.contains(old)).isFalse();
        assertThat(processedEvents.contains(recent)).isTrue();
    }
}
