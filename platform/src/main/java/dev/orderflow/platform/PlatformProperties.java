package dev.orderflow.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the shared platform, bound to {@code orderflow.platform.*}.
 *
 * @param source the CloudEvents {@code source} of the events this service publishes; defaults to
 *     {@code /<spring.application.name>}
 * @param outbox how the outbox relay publishes
 * @param kafka topics and retries
 */
@ConfigurationProperties("orderflow.platform")
public record PlatformProperties(
        String source,
        @DefaultValue Outbox outbox,
        @DefaultValue Kafka kafka) {

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
     */
    public record Kafka(
            @DefaultValue("3") int partitions,
            @DefaultValue("3") int retries,
            @DefaultValue("200ms") Duration retryInterval) {}
}
