package dev.orderflow.fulfillment.rules;

import dev.orderflow.fulfillment.rules.InvalidRuleException.Problem;
import dev.orderflow.fulfillment.targets.Target;
import dev.orderflow.fulfillment.targets.TargetInvoker;
import dev.orderflow.fulfillment.targets.TargetInvokers;
import dev.orderflow.fulfillment.targets.TargetRetryPolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Use cases of rules: define (PutRule), read, delete. A definition is checked completely before anything is stored,
 * with EventBridge's limits where it has them: names of at most 64 of {@code [.-_A-Za-z0-9]}, a description of at most
 * 512 characters, a pattern of at most 4,096 characters that event-ruler accepts, at most 5 targets per rule, each of a
 * type some {@link TargetInvoker} delivers to.
 */
@Service
public class RuleManagement {

    public static final Pattern NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
    public static final int MAX_DESCRIPTION_LENGTH = 512;
    public static final int MAX_TARGETS = 5;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Rules rules;
    private final TargetInvokers invokers;
    private final RuleMatcher matcher;
    private final Clock clock;

    RuleManagement(Rules rules, TargetInvokers invokers, RuleMatcher matcher, Optional<Clock> clock) {
        this.rules = rules;
        this.invokers = invokers;
        this.matcher = matcher;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** What {@link #define} did. */
    public record Definition(Rule rule, boolean created) {}

    /**
     * Creates or replaces the named rule; once this returns, this instance matches events with it (others within the
     * rules' refresh interval).
     *
     * @throws InvalidRuleException naming every invalid field; nothing was stored
     */
    @Transactional
    public Definition define(String name, JsonNode request) {
        RuleDefinition definition = check(name, request);
        Optional<Rule> existing = rules.findById(name);
        Rule rule = existing.orElseGet(() -> new Rule(name));
        rule.define(definition, clock.instant());
        Definition defined = new Definition(rules.save(rule), existing.isEmpty());
        matcher.refreshAfterCommit();
        return defined;
    }

    @Transactional(readOnly = true)
    public Rule find(String name) {
        return rules.findById(name).orElseThrow(() -> new RuleNotFoundException(name));
    }

    @Transactional(readOnly = true)
    public List<Rule> findAll() {
        return rules.findAllByOrderByName();
    }

    /** @throws RuleNotFoundException when there is no such rule */
    @Transactional
    public void delete(String name) {
        rules.delete(find(name));
        matcher.refreshAfterCommit();
    }

    /**
     * The target types of the rule that this service cannot deliver to (yet), in order; a rule with such targets can
     * only be stored DISABLED, by a migration.
     */
    public List<String> pendingTargetTypes(Rule rule) {
        List<String> pending = new ArrayList<>();
        for (JsonNode target : JSON.readTree(rule.targets())) {
            String type = target.path("type").asString();
            if (invokers.forType(type).isEmpty() && !pending.contains(type)) {
                pending.add(type);
            }
        }
        return pending;
    }

    /** Checks a PutRule request completely. */
    RuleDefinition check(String name, JsonNode request) {
        List<Problem> problems = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add(new Problem("name", "must be 1 to 64 of the characters . - _ A-Z a-z 0-9"));
        }
        if (!(request instanceof ObjectNode body)) {
            problems.add(new Problem("body", "must be a JSON object"));
            throw new InvalidRuleException(problems);
        }
        String description = null;
        JsonNode descriptionNode = body.path("description");
        if (!descriptionNode.isMissingNode() && !descriptionNode.isNull()) {
            if (!descriptionNode.isString() || descriptionNode.stringValue().length() > MAX_DESCRIPTION_LENGTH) {
                problems.add(new Problem(
                        "description", "must be text of at most " + MAX_DESCRIPTION_LENGTH + " characters"));
            } else {
                description = descriptionNode.stringValue();
                checkText("description", description, problems);
            }
        }
        String pattern = checkEventPattern(body.path("eventPattern"), problems);
        RuleState state = RuleState.ENABLED;
        JsonNode stateNode = body.path("state");
        if (!stateNode.isMissingNode()) {
            if (stateNode.isString() && Set.of("ENABLED", "DISABLED").contains(stateNode.stringValue())) {
                state = RuleState.valueOf(stateNode.stringValue());
            } else {
                problems.add(new Problem("state", "must be ENABLED or DISABLED"));
            }
        }
        String targets = checkTargets(body.path("targets"), problems);
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
        return new RuleDefinition(description, pattern, state, targets);
    }

    /**
     * The pattern as JSON text, given as a JSON object or, as EventBridge's API takes it, as a string holding one.
     */
    public static String checkEventPattern(JsonNode node, List<Problem> problems) {
        String pattern;
        if (node.isObject()) {
            pattern = JSON.writeValueAsString(node);
        } else if (node.isString()) {
            try {
                JsonNode parsed = JSON.readTree(node.stringValue());
                if (!parsed.isObject()) {
                    problems.add(new Problem("eventPattern", "must be a JSON object"));
                    return null;
                }
                pattern = JSON.writeValueAsString(parsed);
            } catch (JacksonException e) {
                problems.add(new Problem("eventPattern", "is not valid JSON: " + e.getOriginalMessage()));
                return null;
            }
        } else {
            problems.add(new Problem("eventPattern", "is required, a JSON object"));
            return null;
        }
        String problem = EventPatterns.problem(pattern);
        if (problem != null) {
            problems.add(new Problem("eventPattern", problem));
            return null;
        }
        return pattern;
    }

    private String checkTargets(JsonNode node, List<Problem> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return "[]";
        }
        if (!(node instanceof ArrayNode array)) {
            problems.add(new Problem("targets", "must be a list"));
            return null;
        }
        if (array.size() > MAX_TARGETS) {
            problems.add(new Problem("targets", "must be at most " + MAX_TARGETS + " per rule, not " + array.size()));
            return null;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            checkTarget("targets[" + i + "]", array.get(i), ids, problems);
        }
        return JSON.writeValueAsString(array);
    }

    private void checkTarget(String field, JsonNode node, Set<String> ids, List<Problem> problems) {
        if (!(node instanceof ObjectNode json)) {
            problems.add(new Problem(field, "must be a JSON object"));
            return;
        }
        int before = problems.size();
        String id = json.path("id").stringValue(null);
        if (id == null || !NAME.matcher(id).matches()) {
            problems.add(new Problem(field + ".id", "must be 1 to 64 of the characters . - _ A-Z a-z 0-9"));
        } else if (!ids.add(id)) {
            problems.add(new Problem(field + ".id", "is the id of another target of this rule"));
        }
        String type = json.path("type").stringValue(null);
        Optional<TargetInvoker> invoker = type == null ? Optional.empty() : invokers.forType(type);
        if (invoker.isEmpty()) {
            problems.add(new Problem(field + ".type", "must be one of " + invokers.types()));
        }
        checkRetryPolicy(field + ".retryPolicy", json.path("retryPolicy"), problems);
        for (String name : List.of("inputPath", "inputTemplate")) {
            JsonNode value = json.path(name);
            if (!value.isMissingNode() && !value.isString()) {
                problems.add(new Problem(field + "." + name, "must be text"));
            }
        }
        JsonNode map = json.path("inputPathsMap");
        if (!map.isMissingNode() && !(map.isObject() && map.valueStream().allMatch(JsonNode::isString))) {
            problems.add(new Problem(field + ".inputPathsMap", "must map variable names to JSON paths"));
        }
        json.properties()
                .forEach(property -> checkStrings(field + "." + property.getKey(), property.getValue(), problems));
        if (problems.size() > before) {
            return;
        }
        Target target = Target.of(json);
        target.transformation().check().forEach(message -> problems.add(new Problem(field, message)));
        invoker.get().check(target).forEach(message -> problems.add(new Problem(field, message)));
    }

    private static void checkRetryPolicy(String field, JsonNode node, List<Problem> problems) {
        if (node.isMissingNode()) {
            return;
        }
        JsonNode attempts = node.path("maximumRetryAttempts");
        JsonNode age = node.path("maximumEventAgeSeconds");
        if (!node.isObject()
                || !(attempts.isMissingNode() || attempts.isInt())
                || !(age.isMissingNode() || age.isInt())) {
            problems.add(new Problem(
                    field, "must be {\"maximumRetryAttempts\", \"maximumEventAgeSeconds\"}, whole numbers"));
            return;
        }
        try {
            new TargetRetryPolicy(
                    attempts.asInt(TargetRetryPolicy.MAX_RETRY_ATTEMPTS),
                    age.asInt(TargetRetryPolicy.MAX_EVENT_AGE_SECONDS));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(field, e.getMessage()));
        }
    }

    /** Every string in the value is free of control characters. */
    private static void checkStrings(String field, JsonNode value, List<Problem> problems) {
        if (value.isString()) {
            checkText(field, value.stringValue(), problems);
        } else if (value.isContainer()) {
            value.forEach(child -> checkStrings(field, child, problems));
        }
    }

    static void checkText(String field, String text, List<Problem> problems) {
        if (text.chars().anyMatch(Character::isISOControl) && !field.endsWith("inputTemplate")) {
            problems.add(new Problem(field, "must not contain control characters"));
        }
    }
}
