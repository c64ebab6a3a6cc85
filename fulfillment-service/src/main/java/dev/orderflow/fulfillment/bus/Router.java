package dev.orderflow.fulfillment.bus;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.fulfillment.delivery.Deliveries;
import dev.orderflow.fulfillment.delivery.DeliveryDispatcher;
import dev.orderflow.fulfillment.delivery.DeliveryMetrics;
import dev.orderflow.fulfillment.rules.RuleMatcher;
import dev.orderflow.fulfillment.rules.RuleMatcher.MatchedRule;
import dev.orderflow.fulfillment.targets.Target;
import dev.orderflow.platform.observability.TraceContexts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes an event: matches its envelope against the enabled rules and records one delivery per matching rule and
 * target, in the caller's transaction (the inbox's, with the event's id). No target is called here: the {@link
 * DeliveryDispatcher} delivers after the commit, so a slow target cannot stall the consumer. A redelivered event
 * creates no second delivery: a delivery is unique per event, rule and target.
 */
@Service
public class Router {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Envelopes envelopes;
    private final RuleMatcher matcher;
    private final Deliveries deliveries;
    private final DeliveryDispatcher dispatcher;
    private final Clock clock;
    private final TraceContexts traces;
    private final DeliveryMetrics metrics;

    Router(
            Envelopes envelopes,
            RuleMatcher matcher,
            Deliveries deliveries,
            DeliveryDispatcher dispatcher,
            TraceContexts traces,
            DeliveryMetrics metrics,
            Optional<Clock> clock) {
        this.traces = traces;
        this.metrics = metrics;
        this.envelopes = envelopes;
        this.matcher = matcher;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Records the event's deliveries.
     *
     * @return how many deliveries were recorded (none for a redelivery)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int route(CloudEvent event) {
        ObjectNode envelope = envelopes.of(event);
        String json = JSON.writeValueAsString(envelope);
        List<MatchedRule> matched = matcher.match(json);
        if (matched.isEmpty()) {
            return 0;
        }
        String[] matchedNames = matched.stream().map(MatchedRule::name).toArray(String[]::new);
        String ingestionTime = Instant.now(clock).toString();
        int recorded = 0;
        String traceparent = traces.current();
        for (MatchedRule rule : matched) {
            metrics.matched(rule.name());
            for (Target target : rule.targets()) {
                recorded += deliveries.record(
                        event.id(),
                        rule.name(),
                        target.id(),
                        JSON.writeValueAsString(target.json()),
                        target.transformation().apply(envelope, rule.name(), ingestionTime),
                        matchedNames,
                        event.time(),
                        traceparent);
            }
        }
        if (recorded > 0) {
            dispatcher.wakeUpAfterCommit();
        }
        return recorded;
    }
}
