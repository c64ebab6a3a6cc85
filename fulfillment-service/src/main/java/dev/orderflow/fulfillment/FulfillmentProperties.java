package dev.orderflow.fulfillment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of fulfillment-service, bound to {@code orderflow.fulfillment.*}.
 *
 * @param account the {@code account} of every event's envelope
 * @param region the {@code region} of every event's envelope
 * @param rulesRefreshInterval how often each instance checks whether a rule changed; a change takes effect on every
 *     instance within about this long
 * @param delivery how deliveries to targets are worked through
 */
@ConfigurationProperties("orderflow.fulfillment")
public record FulfillmentProperties(
        @DefaultValue("000000000000") String account,
        @DefaultValue("local-1") String region,
        @DefaultValue("250ms") Duration rulesRefreshInterval,
        @DefaultValue Delivery delivery) {

    /**
     * @param pollInterval how often the dispatcher looks for due deliveries it was not woken for (retries, and rows
     *     left by a crash or written by another instance)
     * @param firstRetry the wait after a delivery's first failed attempt; it doubles (with jitter) after each further one
     * @param maxRetry the longest wait between two attempts
     * @param concurrency how many deliveries are worked on at once, each in its own transaction
     */
    public record Delivery(
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("1s") Duration firstRetry,
            @DefaultValue("5m") Duration maxRetry,
            @DefaultValue("1") int concurrency,
            @DefaultValue("32") int batchSize) {}
}
