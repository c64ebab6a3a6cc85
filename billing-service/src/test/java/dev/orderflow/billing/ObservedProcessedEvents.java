package dev.orderflow.billing;

import dev.orderflow.platform.inbox.ProcessedEvents;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's idempotent-consumer guard, watched by the tests: it remembers every delivery of every event (whether
 * its effect ran), and on request simulates a crash right after an event's transaction committed and before the
 * listener returned, so that its offset is not committed and Kafka delivers the record again.
 */
public class ObservedProcessedEvents extends ProcessedEvents {

    private final Map<String, List<Boolean>> deliveries = new ConcurrentHashMap<>();
    private final Set<String> crashAfterCommit = ConcurrentHashMap.newKeySet();

    ObservedProcessedEvents(JdbcClient jdbc, TransactionTemplate transactions) {
        super(jdbc, transactions);
    }

    /** What the listener thinks is a crash after the commit: the record stays unacknowledged. */
    public static class SimulatedCrash extends RuntimeException {

        SimulatedCrash(String eventIds) {
            super("simulated crash after the transaction of events " + eventIds + " committed");
        }
    }

    @Override
    public <E> int onceEach(List<E> events, Function<? super E, String> idOf, BiConsumer<? super E, String> effect) {
        Set<String> ran = new HashSet<>();
        int count = super.onceEach(events, idOf, (event, eventId) -> {
            effect.accept(event, eventId);
            ran.add(eventId);
        });
        boolean crash = false;
        for (E event : events) {
            String eventId = idOf.apply(event);
            deliveries
                    .computeIfAbsent(eventId, id -> new CopyOnWriteArrayList<>())
                    .add(ran.contains(eventId));
            crash |= crashAfterCommit.remove(eventId);
        }
        if (crash) {
            throw new SimulatedCrash(ran.toString());
        }
        return count;
    }

    /** The next delivery of this event dies after its transaction committed. */
    public void crashOnceAfterCommit(String eventId) {
        crashAfterCommit.add(eventId);
    }

    /** Each delivery of the event so far, in order: whether its effect ran. */
    public List<Boolean> deliveries(String eventId) {
        return List.copyOf(deliveries.getOrDefault(eventId, List.of()));
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        ObservedProcessedEvents observedProcessedEvents(JdbcClient jdbc, PlatformTransactionManager transactions) {
            return new ObservedProcessedEvents(jdbc, new TransactionTemplate(transactions));
        }
    }
}
