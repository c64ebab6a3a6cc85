package dev.orderflow.fulfillment.targets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a target receives of a matching event, as EventBridge's input transformation defines it: the whole event by
 * default; with {@code inputPath}, the part of it that the path selects; with {@code inputTemplate}, the template with
 * each {@code <variable>} replaced by the value its {@code inputPathsMap} path selects, or by one of the predefined
 * variables {@code aws.events.rule-name}, {@code aws.events.rule-arn}, {@code aws.events.event.ingestion-time},
 * {@code aws.events.event} (the event without its {@code detail}) and {@code aws.events.event.json} (the whole event).
 *
 * <p>A variable inside a JSON string ({@code "Order <id> paid"}) is replaced by its text: a string without its quotes,
 * anything else as its JSON, escaped so that the string stays valid. Outside a string it is replaced by its JSON value
 * (a string with its quotes). A path that selects nothing gives {@code null}, or nothing inside a string. Paths are
 * EventBridge's JSONPath subset: {@code $}, dot notation with letters, digits, {@code -}, {@code _} and {@code /}, array
 * indices {@code [0]} and the wildcard {@code *}.
 *
 * @param inputPath the path of the part to deliver, or {@code null}
 * @param inputTemplate the template, or {@code null}
 * @param inputPathsMap the template's variables and their paths
 */
public record InputTransformation(String inputPath, String inputTemplate, Map<String, String> inputPathsMap) {

    /** EventBridge's limits: 256 characters per path, 8,192 per template, 100 variables. */
    public static final int MAX_PATH_LENGTH = 256;

    public static final int MAX_TEMPLATE_LENGTH = 8192;
    public static final int MAX_VARIABLES = 100;

    public static final String RULE_NAME = "aws.events.rule-name";
    public static final String RULE_ARN = "aws.events.rule-arn";
    public static final String INGESTION_TIME = "aws.events.event.ingestion-time";
    public static final String EVENT = "aws.events.event";
    public static final String EVENT_JSON = "aws.events.event.json";

    private static final List<String> PREDEFINED = List.of(RULE_NAME, RULE_ARN, INGESTION_TIME, EVENT, EVENT_JSON);
    private static final Pattern PATH = Pattern.compile("\\$(\\.(\\*|[A-Za-z0-9_\\-/]+)(\\[(\\d+|\\*)])*)*");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_\\-]+");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static final InputTransformation NONE = new InputTransformation(null, null, Map.of());

    public InputTransformation {
        inputPathsMap = inputPathsMap == null ? Map.of() : Map.copyOf(inputPathsMap);
    }

    /** The transformation of a target's JSON (its {@code inputPath}, {@code inputTemplate}, {@code inputPathsMap}). */
    static InputTransformation of(ObjectNode target) {
        Map<String, String> variables = new LinkedHashMap<>();
        JsonNode map = target.path("inputPathsMap");
        if (map.isObject()) {
            map.properties()
                    .forEach(entry ->
                            variables.put(entry.getKey(), entry.getValue().asString()));
        }
        return new InputTransformation(
                target.path("inputPath").stringValue(null),
                target.path("inputTemplate").stringValue(null),
                variables);
    }

    /** What is wrong with this transformation, as messages naming the field; empty when it is valid. */
    public List<String> check() {
        List<String> problems = new ArrayList<>();
        if (inputPath != null && inputTemplate != null) {
            problems.add("inputPath and inputTemplate cannot both be set");
        }
        if (inputPath != null) {
            checkPath("inputPath", inputPath, problems);
        }
        if (inputTemplate != null && inputTemplate.length() > MAX_TEMPLATE_LENGTH) {
            problems.add("inputTemplate must be at most " + MAX_TEMPLATE_LENGTH + " characters");
        }
        if (!inputPathsMap.isEmpty() && inputTemplate == null) {
            problems.add("inputPathsMap needs an inputTemplate");
        }
        if (inputPathsMap.size() > MAX_VARIABLES) {
            problems.add("inputPathsMap must have at most " + MAX_VARIABLES + " variables");
        }
        inputPathsMap.forEach((name, path) -> {
            if (!VARIABLE_NAME.matcher(name).matches() || PREDEFINED.contains(name)) {
                problems.add("inputPathsMap." + name + " is not a valid variable name");
            }
            checkPath("inputPathsMap." + name, path, problems);
        });
        return problems;
    }

    private static void checkPath(String field, String path, List<String> problems) {
        if (path == null
                || path.length() > MAX_PATH_LENGTH
                || !PATH.matcher(path).matches()) {
            problems.add(
                    field + " must be a JSON path like $.detail.orderId of at most " + MAX_PATH_LENGTH + " characters");
        }
    }

    /**
     * The input for a target of the named rule.
     *
     * @param event the event's envelope
     * @param ingestionTime when the bus received the event, ISO-8601
     */
    public String apply(ObjectNode event, String ruleName, String ingestionTime) {
        if (inputPath != null) {
            return JSON.writeValueAsString(select(event, inputPath));
        }
        if (inputTemplate == null) {
            return JSON.writeValueAsString(event);
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        inputPathsMap.forEach((name, path) -> values.put(name, select(event, path)));
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        values.put(RULE_NAME, nodes.stringNode(ruleName));
        values.put(
                RULE_ARN,
                nodes.stringNode("arn:orderflow:events:" + event.path("region").asString() + ":"
                        + event.path("account").asString() + ":rule/" + ruleName));
        values.put(INGESTION_TIME, nodes.stringNode(ingestionTime));
        ObjectNode withoutDetail = event.deepCopy();
        withoutDetail.remove("detail");
        values.put(EVENT, withoutDetail);
        values.put(EVENT_JSON, event);
        return substitute(inputTemplate, values);
    }

    /** Replaces the known {@code <variables>}; anything else in angle brackets stays as it is. */
    private static String substitute(String template, Map<String, JsonNode> values) {
        StringBuilder out = new StringBuilder(template.length() * 2);
        boolean inString = false;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '\\' && inString && i + 1 < template.length()) {
                out.append(c).append(template.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '"') {
                inString = !inString;
            } else if (c == '<') {
                int end = template.indexOf('>', i + 1);
                if (end > 0 && values.containsKey(template.substring(i + 1, end))) {
                    JsonNode value = values.get(template.substring(i + 1, end));
                    out.append(inString ? inString(value) : JSON.writeValueAsString(value));
                    i = end + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String inString(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        String text = value.isString() ? value.stringValue() : JSON.writeValueAsString(value);
        String quoted = JSON.writeValueAsString(text);
        return quoted.substring(1, quoted.length() - 1);
    }

    /** The value the path selects, or a JSON {@code null} when it selects nothing. */
    static JsonNode select(JsonNode root, String path) {
        List<JsonNode> current = List.of(root);
        boolean many = false;
        for (String step : steps(path)) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                if (step.equals("*")) {
                    many = true;
                    node.values().forEach(next::add);
                } else if (step.startsWith("[")) {
                    next.add(node.path(Integer.parseInt(step.substring(1, step.length() - 1))));
                } else {
                    next.add(node.path(step));
                }
            }
            current = next.stream().filter(n -> !n.isMissingNode()).toList();
        }
        if (many) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            current.forEach(array::add);
            return array;
        }
        return current.isEmpty() ? JsonNodeFactory.instance.nullNode() : current.getFirst();
    }

    /** {@code $.a.b[0].*} as {@code a, b, [0], *}; {@code [*]} is the wildcard. */
    private static List<String> steps(String path) {
        List<String> steps = new ArrayList<>();
        for (String part : path.substring(1).split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            int bracket = part.indexOf('[');
            steps.add(bracket < 0 ? part : part.substring(0, bracket));
            while (bracket >= 0) {
                int end = part.indexOf(']', bracket);
                String index = part.substring(bracket, end + 1);
                steps.add(index.equals("[*]") ? "*" : index);
                bracket = part.indexOf('[', end);
            }
        }
        return steps;
    }
}
