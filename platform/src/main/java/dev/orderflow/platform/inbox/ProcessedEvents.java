package dev.orderflow.platform.inbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotent-consumer guard. {@link #once(String, Runnable)} records the event's {@code ce_id} and runs its
 * effect in one transaction, and skips an event it has recorded before. The Kafka offset is committed only after that
 * transaction, so a crash in between means a redelivery that this guard absorbs, never a loss.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public ProcessedEvents(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Runs {@code effect} for the event with this id unless it has run before, atomically with recording the id. Two
     * concurrent deliveries of one event serialise on the id's primary key: the second waits and then skips.
     *
     * @return whether the effect ran
     */
    public boolean once(String eventId, Runnable effect) {
        Boolean ran = transactions.execute(status -> {
            int inserted = jdbc.sql("insert into processed_events (event_id) values (?) on conflict do nothing")
                    .param(eventId)
                    .update();
            if (inserted == 0) {
                return false;
            }
            effect.run();
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }

    /** Whether the event with this id has been processed. */
    public boolean contains(String eventId) {
        return jdbc.sql("select exists (select 1 from processed_events where event_id = ?)")
                .param(eventId)
                .query(Boolean.class)
                .single();
    }
}
