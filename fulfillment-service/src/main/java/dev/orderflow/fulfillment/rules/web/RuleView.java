package dev.orderflow.fulfillment.rules.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderflow.fulfillment.rules.Rule;
import dev.orderflow.fulfillment.rules.RuleState;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rule as the API shows it; {@code note} says why a rule cannot be enabled yet (its targets' types are not
 * delivered to by this version of the service).
 */
record RuleView(
        String name,
        @JsonInclude(JsonInclude.Include.NON_NULL) String description,
        JsonNode eventPattern,
        RuleState state,
        JsonNode targets,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> pendingTargetTypes,
        @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static RuleView of(Rule rule, List<String> pendingTargetTypes) {
        String note = pendingTargetTypes.isEmpty()
                ? null
                : "Pending: this version of fulfillment-service cannot deliver to targets of type "
                        + String.join(", ", pendingTargetTypes) + "; the rule stays DISABLED until it can.";
        return new RuleView(
                rule.name(),
                rule.description(),
                JSON.readTree(rule.eventPattern()),
                rule.state(),
                JSON.readTree(rule.targets()),
                rule.updatedAt(),
                pendingTargetTypes,
                note);
    }
}
