package dev.orderflow.fulfillment.targets;

import java.time.Instant;
import java.util.List;

/**
 * One event on its way to one target of one rule, as the target's invoker gets it.
 *
 * @param id the delivery's own id
 * @param eventId the event's id (its {@code ce_id}, the envelope's {@code id}): the same for every delivery of the
 *     event, so a receiver can use it to recognise a repeated delivery
 * @param ruleName the rule that matched
 * @param target the target as it was when the event matched
 * @param input the event after the target's input transformation: by default the whole envelope as JSON
 * @param matchedRules every rule that matched the event, in name order
 * @param eventTime the envelope's {@code time}
 * @param attempts how many attempts were made before this one
 * @param replayName the replay this delivery belongs to, or {@code ""} for a live event
 */
public record Delivery(
        long id,
        String eventId,
        String ruleName,
        Target target,
        String input,
        List<String> matchedRules,
        Instant eventTime,
        int attempts,
        String replayName) {

    public Delivery {
        matchedRules = List.copyOf(matchedRules);
    }

    /** Whether the event is delivered again by a replay rather than live. */
    public boolean replay() {
        return !replayName.isEmpty();
    }
}
