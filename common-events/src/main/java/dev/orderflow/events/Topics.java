package dev.orderflow.events;

import java.util.List;

/** The topics of orderflow and their dead-letter topics. */
public final class Topics {

    /** Every event topic, each keyed by customerId (an event that concerns no customer by its id). */
    public static final List<String> ALL = List.of(BillingEvent.TOPIC, PaymentEvent.TOPIC, FulfillmentEvent.TOPIC);

    private static final String DEAD_LETTER_SUFFIX = "-dlt";

    private Topics() {}

    /** Where records of {@code topic} go when they cannot be processed: {@code <topic>-dlt}. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
