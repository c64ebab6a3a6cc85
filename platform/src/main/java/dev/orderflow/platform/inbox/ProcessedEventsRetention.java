package dev.orderflow.platform.inbox;

import dev.orderflow.platform.PlatformProperties;
import dev.orderflow.platform.work.BackgroundWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Forgets processed event ids once no delivery of their event can come any more: after the retention, which must be
 * at least as long as the topics keep their records (a consumer group that lost its offsets reads a topic from its
 * start). Runs at start and then every check interval, deleting in chunks so that no long transaction holds the table.
 */
public class ProcessedEventsRetention extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventsRetention.class);
    private static final int CHUNK = 10_000;

    private final JdbcClient jdbc;
    private final PlatformProperties.Inbox settings;

    public ProcessedEventsRetention(JdbcClient jdbc, PlatformProperties.Inbox settings) {
        super("processed-events-retention", settings.retentionCheckInterval(), settings.retentionCheckInterval());
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    protected void work() {
        purge();
    }

    /**
     * Deletes the ids processed before the retention began.
     *
     * @return how many were deleted
     */
    public int purge() {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("""
                            delete from processed_events where event_id in (
                                select event_id from processed_events
                                where processed_at < now() - make_interval(secs => :retention)
                                limit :chunk)
                            """)
                    .param("retention", settings.retention().toSeconds())
                    .param("chunk", CHUNK)
                    .update();
            total += deleted;
        } while (deleted == CHUNK && isRunning());
        if (total > 0) {
            log.info("Forgot {} processed event ids older than {}", total, settings.retention());
        }
        return total;
    }
}
