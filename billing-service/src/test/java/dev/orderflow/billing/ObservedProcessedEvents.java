package dev.orderflow.billing;

import dev.orderflow.platform.inbox.ProcessedEvents;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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

        SimulatedCrash(String eventId) {
            super("simulated crash after the transaction of event " + eventId + " committed");
        }
    }

    @Override
    public boolean once(String eventId, Runnable effect) {
        boolean ran = super.once(eventId, effect);
        deliveries.computeIfAbsent(eventId, id -> new CopyOnWriteArrayList<>()).add(ran);
        if (crashAfterCommit.remove(eventId)) {
            throw new SimulatedCrash(eventId);
        }
        return ran;
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
    static class Configuration {

        @Bean
        @Primary
        ObservedProcessedEvents observedProcessedEvents(JdbcClient jdbc, PlatformTransactionManager transactions) {
            return new ObservedProcessedEvents(jdbc, new TransactionTemplate(transactions));
        }
    }
}
