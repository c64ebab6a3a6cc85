package dev.orderflow.fulfillment.targets.store;

import dev.orderflow.events.OrderDispatched;
import dev.orderflow.fulfillment.targets.Delivery;
import dev.orderflow.fulfillment.targets.Target;
import dev.orderflow.fulfillment.targets.TargetInvoker;
import dev.orderflow.fulfillment.targets.TargetRefusedException;
import dev.orderflow.platform.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code store-and-dispatch} target: stores a paid order's details (order, customer, location, items, total,
 * currency, the rules that matched) and, only when it stored them now, publishes {@code OrderDispatched} through the
 * outbox in the same transaction, with the rule as its route. However often the order's events arrive (redelivered,
 * replayed, from another rule), it is stored and dispatched once.
 *
 * <p>It reads the order from the delivered input's {@code detail} (the whole envelope, the default), or from the input
 * itself when an {@code inputPath} such as {@code $.detail} selected it: {@code orderId}, {@code customerId},
 * {@code amount} or {@code total}, and optionally {@code location}, {@code items}, {@code currency}. An input without
 * them is refused for good.
 */
@Component
class StoreAndDispatchTarget implements TargetInvoker {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final Dispatches dispatches;
    private final Outbox outbox;
    private final Clock clock;

    StoreAndDispatchTarget(Dispatches dispatches, Outbox outbox, Optional<Clock> clock) {
        this.dispatches = dispatches;
        this.outbox = outbox;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    public String type() {
        return "store-and-dispatch";
    }

    @Override
    public List<String> check(Target target) {
        return target.json().propertyNames().stream()
                .filter(name -> !Target.COMMON_FIELDS.contains(name))
                .map(name -> name + " is not a setting of a store-and-dispatch target")
                .toList();
    }

    @Override
    public void deliver(Delivery delivery) {
        JsonNode order = order(delivery.input());
        UUID orderId = uuid(order.path("orderId"));
        String customerId = order.path("customerId").stringValue(null);
        JsonNode total = order.has("total") ? order.path("total") : order.path("amount");
        if (orderId == null || customerId == null || !total.isNumber()) {
            throw new TargetRefusedException(
                    "store-and-dispatch needs an order with orderId, customerId and amount (or total)");
        }
        String location = order.path("location").stringValue(null);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int stored = dispatches.store(
                orderId,
                customerId,
                location,
                order.path("items").isArray() ? JSON.writeValueAsString(order.path("items")) : "[]",
                total.decimalValue(),
                order.path("currency").stringValue(null),
                delivery.matchedRules().toArray(String[]::new),
                delivery.ruleName(),
                delivery.eventId(),
                now);
        if (stored == 1) {
            outbox.publish(new OrderDispatched(orderId, customerId, location, delivery.ruleName(), now));
        }
    }

    private static JsonNode order(String input) {
        try {
            JsonNode json = JSON.readTree(input);
            return json.path("detail").isObject() ? json.path("detail") : json;
        } catch (JacksonException e) {
            throw new TargetRefusedException("store-and-dispatch needs JSON input: " + e.getOriginalMessage(), e);
        }
    }

    private static UUID uuid(JsonNode value) {
        try {
            return value.isString() ? UUID.fromString(value.stringValue()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
