package dev.orderflow.platform.interaction;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * How the services talk (seed 001), set by {@code orderflow.interaction} ({@code ORDERFLOW_INTERACTION}): the style
 * decides which adapters of a port are active, see {@link ConditionalOnInteraction}. Outcomes are published to
 * {@code payment} in every style; what changes is how order-service asks for a payment and how notification-service
 * hears of its outcome.
 */
public enum Interaction {
    /** Style III, the default: everything through Kafka. */
    EVENTS,
    /** Style II: the payment over HTTP while answering {@code POST /orders}, notifications through Kafka. */
    MIXED,
    /** Style I: the payment over HTTP, and billing tells notification-service over HTTP. */
    HTTP;

    /** The property that selects the style. */
    public static final String PROPERTY = "orderflow.interaction";

    /**
     * The style this environment selects; {@link #EVENTS} when none is set.
     *
     * @throws IllegalArgumentException naming the valid styles when the value is none of them
     */
    public static Interaction of(Environment environment) {
        String value = Binder.get(environment).bind(PROPERTY, String.class).orElse("events");
        return Arrays.stream(values())
                .filter(style -> style.name().equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(PROPERTY + " is '" + value + "'; it must be one of "
                        + Arrays.stream(values()).map(Interaction::toString).toList()));
    }

    /** The name as it is set and shown: {@code events}, {@code mixed}, {@code http}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
