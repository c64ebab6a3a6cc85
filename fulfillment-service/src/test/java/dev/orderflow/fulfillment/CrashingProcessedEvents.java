package dev.orderflow.fulfillment;

import dev.orderflow.platform.inbox.ProcessedEvents;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's idempotent-consumer guard that, on request, simulates a crash right after an event's transaction
 * committed and before the listener returned, so that its offset is not committed and Kafka delivers it again.
 */
public class CrashingProcessedEvents extends ProcessedEvents {

    private final Set<String> crashAfterCommit = ConcurrentHashMap.newKeySet();

    CrashingProcessedEvents(JdbcClient jdbc, TransactionTemplate transactions) {
        super(jdbc, transactions);
    }

    @Override
    public <E> int onceEach(List<E> events, Function<? super E, String> idOf, BiConsumer<? super E, String> effect) {
        int count = super.onceEach(events, idOf, effect);
        for (E event : events) {
            if (crashAfterCommit.remove(idOf.apply(event))) {
                throw new IllegalStateException("simulated crash after the commit of " + idOf.apply(event));
            }
        }
        return count;
    }

    /** The next delivery of this event dies after its transaction committed. */
    public void crashOnceAfterCommit(String eventId) {
        crashAfterCommit.add(eventId);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        CrashingProcessedEvents crashingProcessedEvents(JdbcClient jdbc, PlatformTransactionManager transactions) {
            return new CrashingProcessedEvents(jdbc, new TransactionTemplate(transactions));
        }
    }
}
