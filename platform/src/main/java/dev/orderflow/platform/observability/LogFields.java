package dev.orderflow.platform.observability;

import dev.orderflow.events.Event;
import dev.orderflow.events.OrderCreated;
import dev.orderflow.events.OrderDispatched;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentFailed;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The fields that tie a log line to an order: {@code orderId}, {@code customerId} and {@code eventId}, in the MDC while
 * an event or a request is worked on, so that every line logged meanwhile carries them (as JSON fields in structured
 * logs). Close the returned scope to remove what it added.
 */
public final class LogFields implements AutoCloseable {

    /**
     * The logger of an event's path: a line when a service publishes an event to its outbox and when it processes one,
     * each with the trace id and the event's fields, which {@code bin/trace} follows from service to service. One line
     * per event and hop; {@code logging.level.orderflow.events=warn} silences them.
     */
    public static final Logger EVENTS = LoggerFactory.getLogger("orderflow.events");

    public static final String ORDER_ID = "orderId";
    public static final String CUSTOMER_ID = "customerId";
    public static final String EVENT_ID = "eventId";

    private final List<String> added = new ArrayList<>(3);

    private LogFields() {}

    /** The fields of an event being processed. */
    public static LogFields of(@Nullable Object event, @Nullable String eventId) {
        LogFields fields = new LogFields();
        fields.put(EVENT_ID, eventId);
        if (event instanceof Event known) {
            fields.put(CUSTOMER_ID, known.customerId());
            fields.put(ORDER_ID, orderIdOf(known));
        }
        return fields;
    }

    /** The fields of an order being worked on. */
    public static LogFields ofOrder(@Nullable Object orderId, @Nullable String customerId) {
        LogFields fields = new LogFields();
        fields.put(ORDER_ID, orderId == null ? null : orderId.toString());
        fields.put(CUSTOMER_ID, customerId);
        return fields;
    }

    /**
     * Writes the event path's line for an event this service is about to process: its type, its id and where it came
     * from ({@code topic-partition@offset}, or the HTTP call that carried it).
     */
    public static void processing(@Nullable String type, String eventId, String from) {
        EVENTS.info("Processing {} {} from {}", type, eventId, from);
    }

    /** The order an event concerns, when it concerns one. */
    static @Nullable String orderIdOf(Event event) {
        return switch (event) {
            case OrderCreated created -> String.valueOf(created.orderId());
            case OrderPaid paid -> String.valueOf(paid.orderId());
            case PaymentFailed failed -> String.valueOf(failed.orderId());
            case OrderDispatched dispatched -> String.valueOf(dispatched.orderId());
            default -> null;
        };
    }

    private void put(String key, @Nullable String value) {
        if (value != null && MDC.get(key) == null) {
            MDC.put(key, value);
            added.add(key);
        }
    }

    @Override
    public void close() {
        added.forEach(MDC::remove);
    }
}
