package dev.orderflow.platform;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the shared platform, bound to {@code orderflow.platform.*}.
 *
 * @param source the CloudEvents {@code source} of the events this service publishes; defaults to
 *     {@code /<spring.application.name>}
 * @param outbox how the outbox relay publishes
 * @param kafka topics and retries
 * @param inbox how long processed event ids are kept
 * @param web how many HTTP requests the service works on at once
 */
@ConfigurationProperties("orderflow.platform")
public record PlatformProperties(
        @Nullable String source,
        @DefaultValue Outbox outbox,
        @DefaultValue Kafka kafka,
        @DefaultValue Inbox inbox,
        @DefaultValue Web web) {

    /**
     * @param batchSize how many rows the relay publishes per transaction
     * @param pollInterval how often the relay looks for rows it was not woken for (rows left by a crash, or written by
     *     another instance)
     * @param sendTimeout how long the relay waits for the broker to acknowledge a batch before it tries again
     * @param retryBackoff how long the relay waits after a failed batch
     */
    public record Outbox(
            @DefaultValue("500") int batchSize,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("30s") Duration sendTimeout,
            @DefaultValue("2s") Duration retryBackoff) {}

    /**
     * @param partitions the partitions of each topic this service creates if missing (and of its dead-letter topic)
     * @param retries how often a failing record is retried before it goes to the dead-letter topic
     * @param retryInterval the first wait between retries; it doubles with each retry
     * @param lagInterval how often the consumer lag of the service's groups is read from the broker (the gauge
     *     {@code orderflow.consumer.lag}); {@code 0} leaves the gauge out
     */
    public record Kafka(
            @DefaultValue("3") int partitions,
            @DefaultValue("3") int retries,
            @DefaultValue("200ms") Duration retryInterval,
            @DefaultValue("10s") Duration lagInterval) {}

    /**
     * @param retention how long the id of a processed event is kept to recognise a redelivery; at least as long as
     *     the topics keep records (Kafka's default: 7 days), since a consumer group that lost its offsets reads a topic
     *     from its start
     * @param retentionCheckInterval how often older ids are deleted
     */
    public record Inbox(
            @DefaultValue("8d") Duration retention,
            @DefaultValue("1h") Duration retentionCheckInterval) {}

    /**
     * The bound that turns overload into quick {@code 503}s instead of a pile of waiting requests (see
     * {@link dev.orderflow.platform.web.ConcurrencyLimitFilter}). Actuator endpoints are not limited.
     *
     * @param maxConcurrentRequests how many HTTP requests the service works on at once. The default, 64, is about six
     *     per database connection (each service's pool has 10): a request holds a connection only for its transaction,
     *     a few milliseconds, and spends the rest of its time reading, validating and writing JSON, so 64 keep the pool
     *     busy while no more than 54 can queue for it, each for a few transactions' time, far less than the pool's
     *     connection timeout; and what 64 requests hold is small next to a 256 MB heap. Under the load the suite is
     *     measured at, far fewer are in progress at once, so the bound only acts on overload (docs/performance.md).
     * @param queueTimeout how long a request beyond the bound waits for another to finish before it is answered
     *     {@code 503} with {@code Retry-After}; long enough to ride out a burst, short enough that no backlog builds up
     * @param maxRequestBodySize the largest request body the service reads; a larger one is a {@code 413}. Every
     *     request body is a small JSON document (the largest, an order of a hundred lines, is a few kilobytes), so the
     *     default leaves room for any honest client and none for one that would fill the heap
     */
    public record Web(
            @DefaultValue("64") int maxConcurrentRequests,
            @DefaultValue("250ms") Duration queueTimeout,
            @DefaultValue("64KB") DataSize maxRequestBodySize) {}
}
