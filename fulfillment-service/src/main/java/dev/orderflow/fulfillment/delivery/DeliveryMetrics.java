package dev.orderflow.fulfillment.delivery;

import dev.orderflow.fulfillment.targets.Delivery;
import dev.orderflow.fulfillment.targets.TargetInvoker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the bus counts: {@code orderflow.fulfillment.rule.matches} per rule, each delivery attempt as the observation
 * {@code orderflow.fulfillment.delivery} (a span in the event's trace and a timer per rule, target and target type,
 * with {@code attempt=first|retry} and {@code error=none} for a delivery or the exception's name for a failure), and
 * {@code orderflow.fulfillment.dead.letters} per rule and target for the deliveries given up and dead-lettered.
 */
@Component
public class DeliveryMetrics {

    private final MeterRegistry meters;
    private final ObservationRegistry observations;

    DeliveryMetrics(ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationRegistry> observations) {
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
    }

    /** An event matched the rule. */
    public void matched(String rule) {
        Counter.builder("orderflow.fulfillment.rule.matches")
                .description("Events that matched the rule")
                .tag("rule", rule)
                .register(meters)
                .increment();
    }

    /** A given-up delivery is on the dead-letter topic. */
    void deadLettered(String rule, String target) {
        Counter.builder("orderflow.fulfillment.dead.letters")
                .description("Deliveries given up and published to fulfillment-dlt")
                .tag("rule", rule)
                .tag("target", target)
                .register(meters)
                .increment();
    }

    /** Makes one attempt of the delivery, observed. */
    void deliver(Delivery delivery, TargetInvoker invoker) throws Exception {
        Observation observation = Observation.createNotStarted("orderflow.fulfillment.delivery", observations)
                .contextualName("deliver to " + delivery.target().type())
                .lowCardinalityKeyValue("rule", delivery.ruleName())
                .lowCardinalityKeyValue("target", delivery.target().id())
                .lowCardinalityKeyValue("target.type", delivery.target().type())
                .lowCardinalityKeyValue("attempt", delivery.attempts() == 0 ? "first" : "retry")
                .highCardinalityKeyValue("event.id", delivery.eventId())
                .start();
        try (Observation.Scope scope = observation.openScope()) {
            invoker.deliver(delivery);
        } catch (Exception e) {
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }
}
