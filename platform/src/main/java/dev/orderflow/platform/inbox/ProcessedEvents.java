package dev.orderflow.platform.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotent-consumer guard. {@link #onceEach} records the events' {@code ce_id}s and runs their effects in one
 * transaction, and skips the events it has recorded before. The Kafka offsets are committed only after that
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
        try {
            return onceEach(List.of(eventId), id -> id, (id, sameId) -> effect.run()) == 1;
        } catch (EffectFailedException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    /**
     * Runs the effect of each event, in list order, unless it has run before, all in one transaction with recording
     * their ids: all of it commits or none of it does. An id that appears twice in the list runs once. The effect is
     * given the event and its id, read once by {@code idOf}.
     *
     * @return how many effects ran
     * @throws EffectFailedException when the effect of one event failed; the transaction was rolled back
     */
    public <E> int onceEach(List<E> events, Function<? super E, String> idOf, BiConsumer<? super E, String> effect) {
        if (events.isEmpty()) {
            return 0;
        }
        List<String> ids = events.stream().map(idOf).toList();
        Integer ran = transactions.execute(status -> {
            Set<String> unseen = record(ids);
            int count = 0;
            for (int i = 0; i < events.size(); i++) {
                if (unseen.remove(ids.get(i))) {
                    try {
                        effect.accept(events.get(i), ids.get(i));
                    } catch (RuntimeException e) {
                        throw new EffectFailedException(i, e);
                    }
                    count++;
                }
            }
            return count;
        });
        return ran == null ? 0 : ran;
    }

    /** Records the ids in one statement, in sorted order so that overlapping batches cannot deadlock. */
    private Set<String> record(List<String> ids) {
        String[] sorted = ids.stream().distinct().sorted().toArray(String[]::new);
        return new HashSet<>(
                jdbc.sql("""
                        insert into processed_events (event_id)
                        select unnest(cast(:ids as varchar[])) order by 1
                        on conflict do nothing
                        returning event_id
                        """).param("ids", sorted).query(String.class).list());
    }

    /**
     * Registers {@code orderflow.inbox.processed.events.size}: the bytes the table of processed event ids takes, with
     * its indexes, read once per scrape (a size, not a {@code count(*)}, which would scan days of ids).
     */
    public void registerMeters(MeterRegistry registry) {
        Gauge.builder("orderflow.inbox.processed.events.size", () -> jdbc.sql(
                                "select coalesce(pg_total_relation_size(to_regclass('processed_events')), 0)")
                        .query(Long.class)
                        .single())
                .description("Size of the table of processed event ids, with its indexes")
                .baseUnit("bytes")
                .register(registry);
    }

    /** Whether the event with this id has been processed. */
    public boolean contains(String eventId) {
        return jdbc.sql("select exists (select 1 from processed_events where event_id = ?)")
                .param(eventId)
                .query(Boolean.class)
                .single();
    }

    /** The effect of one event of a batch failed, so none of the batch was committed. */
    public static class EffectFailedException extends RuntimeException {

        private final int index;

        EffectFailedException(int index, RuntimeException cause) {
            super("the effect of event " + index + " of the batch failed: " + cause.getMessage(), cause);
            this.index = index;
        }

        /** The position of the event whose effect failed; those before it succeeded, but were rolled back too. */
        public int index() {
            return index;
        }
    }
}
