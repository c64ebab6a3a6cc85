package dev.orderflow.platform.json;

import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;

/**
 * Reads a free-form JSON value (an event's {@code detail}, a rule's pattern) as Jackson does, then refuses it if any of
 * its texts or keys holds a {@link ControlCharacters control character}. Free-form values carry text for people as
 * well as codes, so TAB, LF and CR are allowed in their values, as in {@link FreeText}; never in keys. PostgreSQL's
 * {@code jsonb} refuses NUL, so without this check a NUL in a stored document is a failed insert, not a {@code 400}.
 */
final class CheckedTreeDeserializer extends ValueDeserializer<JsonNode> {

    /** Jackson's own, called directly: asking the context for a tree would come back here. */
    private static final ValueDeserializer<?> JACKSON = JsonNodeDeserializer.getDeserializer(JsonNode.class);

    @Override
    public JsonNode deserialize(JsonParser parser, DeserializationContext context) {
        JsonNode tree = (JsonNode) JACKSON.deserialize(parser, context);
        String problem = problem(tree, "");
        if (problem != null) {
            throw new RefusedTextException(parser, problem);
        }
        return tree;
    }

    @Override
    public JsonNode getNullValue(DeserializationContext context) {
        return context.getNodeFactory().nullNode();
    }

    private static String problem(JsonNode node, String path) {
        if (node.isString()) {
            String problem = ControlCharacters.problem(node.asString(), true);
            return problem == null ? null : at(path) + problem;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String problem = problem(node.get(i), path + "[" + i + "]");
                if (problem != null) {
                    return problem;
                }
            }
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String keyProblem = ControlCharacters.problem(property.getKey(), false);
                if (keyProblem != null) {
                    return at(path) + "key " + keyProblem;
                }
                String problem = problem(property.getValue(), path + (path.isEmpty() ? "" : ".") + property.getKey());
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static String at(String path) {
        return path.isEmpty() ? "" : "at " + path + ": ";
    }
}
