package dev.orderflow.fulfillment.deadletters;

import java.time.Instant;
import java.util.Map;

/**
 * One record of a dead-letter topic as it is shown: where it is, its key and value, the event's CloudEvents id and
 * type, the error headers ({@code orderflow_dlt-root-cause}, spring-kafka's {@code kafka_dlt-*}, and for given-up
 * deliveries the rule, target and attempts), and whether it was redriven.
 */
public record DeadLetter(
        String topic,
        int partition,
        long offset,
        Instant timestamp,
        String key,
        String ceId,
        String ceType,
        Map<String, String> errorHeaders,
        String value,
        boolean redriven) {}
