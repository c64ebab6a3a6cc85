package dev.orderflow.fulfillment.targets;

import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A rule's target as stored and as the API shows it: {@code {"id", "type", ...the type's own settings,
 * "inputPath"?, "inputTemplate"?, "inputPathsMap"?, "retryPolicy"?}}.
 *
 * @param json the target's JSON, the one source of its settings
 * @param transformation what the target receives of a matching event
 * @param retryPolicy how long a failed delivery is retried
 */
public record Target(
        String id, String type, ObjectNode json, InputTransformation transformation, TargetRetryPolicy retryPolicy) {

    /** The fields every target may have, whatever its type; the others are the type's own settings. */
    public static final Set<String> COMMON_FIELDS =
            Set.of("id", "type", "inputPath", "inputTemplate", "inputPathsMap", "retryPolicy");

    public Target {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(transformation, "transformation");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
    }

    /**
     * Reads a target that was checked when its rule was saved.
     *
     * @throws IllegalArgumentException when it is not a valid target after all
     */
    public static Target of(JsonNode json) {
        if (!(json instanceof ObjectNode object)) {
            throw new IllegalArgumentException("a target must be a JSON object");
        }
        JsonNode retry = object.path("retryPolicy");
        TargetRetryPolicy retryPolicy = retry.isObject()
                ? new TargetRetryPolicy(
                        retry.path("maximumRetryAttempts").asInt(TargetRetryPolicy.MAX_RETRY_ATTEMPTS),
                        retry.path("maximumEventAgeSeconds").asInt(TargetRetryPolicy.MAX_EVENT_AGE_SECONDS))
                : TargetRetryPolicy.DEFAULT;
        return new Target(
                text(object, "id"), text(object, "type"), object, InputTransformation.of(object), retryPolicy);
    }

    /** A setting of the target's type, e.g. {@code logGroup}, or {@code null} when it has none as text. */
    public String setting(String name) {
        JsonNode value = json.get(name);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static String text(ObjectNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException("a target needs a text \"" + field + "\"");
        }
        return value.stringValue();
    }
}
