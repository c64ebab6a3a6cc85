package dev.orderflow.events.asyncapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Schemas of the event records, read from the records themselves as {@code EventJson} writes them: a component
 * per record, one property per record component; {@code @Nullable} admits {@code null}; a component is required unless
 * {@code @JsonInclude} lets it be left out. Unknown properties stay allowed (a tolerant reader: an added optional field
 * keeps the version). A component of a type this does not know fails, so that a new kind of field is a decision.
 *
 * <p>Written by hand over reflection rather than with a schema-generator library, because the rules are the
 * contract's own (JSpecify's type-use {@code @Nullable}, Jackson's {@code @JsonInclude} on records, exact decimals as
 * numbers) and take fewer lines here than configuring a general generator to follow them.
 */
final class RecordSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Component name to schema, in the order they were first met. */
    private final Map<String, ObjectNode> schemas = new LinkedHashMap<>();

    private final String refPrefix;

    /** @param refPrefix where the schemas will live in the document, e.g. {@code #/components/schemas/} */
    RecordSchemas(String refPrefix) {
        this.refPrefix = refPrefix;
    }

    /** A {@code $ref} to the record's schema, which is generated (with those of its nested records) if it is new. */
    ObjectNode ref(Class<?> record) {
        String name = name(record);
        if (!schemas.containsKey(name)) {
            schemas.put(name, JSON.objectNode()); // a placeholder, so that a recursive record ends
            schemas.put(name, object(record));
        }
        return JSON.objectNode().put("$ref", refPrefix + name);
    }

    /** Every schema generated so far. */
    Map<String, ObjectNode> schemas() {
        return schemas;
    }

    /** The component name of a record: its simple name, prefixed with its enclosing types' ({@code OrderCreatedItem}). */
    static String name(Class<?> type) {
        return type.getEnclosingClass() == null
                ? type.getSimpleName()
                : name(type.getEnclosingClass()) + type.getSimpleName();
    }

    private ObjectNode object(Class<?> record) {
        if (!record.isRecord()) {
            throw new IllegalArgumentException(record + " is not a record; events are records");
        }
        ObjectNode schema =
                JSON.objectNode().put("title", record.getSimpleName()).put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
            ObjectNode property = schemaOf(component.getGenericType());
            if (nullable) {
                admitNull(property);
            }
            properties.set(component.getName(), property);
            if (alwaysWritten(record, component)) {
                required.add(component.getName());
            }
        }
        schema.set("required", required);
        return schema;
    }

    private ObjectNode schemaOf(Type type) {
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            ObjectNode array = JSON.objectNode().put("type", "array");
            array.set("items", schemaOf(generic.getActualTypeArguments()[0]));
            return array;
        }
        if (!(type instanceof Class<?> raw)) {
            throw new IllegalArgumentException("no JSON Schema for " + type);
        }
        if (raw == String.class) {
            return JSON.objectNode().put("type", "string");
        }
        if (raw == UUID.class) {
            return JSON.objectNode().put("type", "string").put("format", "uuid");
        }
        if (raw == Instant.class) {
            return JSON.objectNode().put("type", "string").put("format", "date-time");
        }
        if (raw == BigDecimal.class) {
            return JSON.objectNode()
                    .put("type", "number")
                    .put("description", "an exact decimal, written as a plain JSON number (never in E notation)");
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return JSON.objectNode().put("type", "integer");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return JSON.objectNode().put("type", "boolean");
        }
        if (JsonNode.class.isAssignableFrom(raw)) {
            return JSON.objectNode().put("type", "object").put("description", "any JSON object");
        }
        if (raw.isEnum()) {
            ObjectNode schema = JSON.objectNode().put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return schema;
        }
        if (raw.isRecord()) {
            return ref(raw);
        }
        throw new IllegalArgumentException(
                "no JSON Schema for " + raw.getName() + "; say in RecordSchemas how it is written");
    }

    /** {@code "type": "string"} becomes {@code "type": ["string", "null"]}; a {@code $ref} becomes a choice of it or null. */
    private static void admitNull(ObjectNode property) {
        JsonNode type = property.get("type");
        if (type != null && type.isString()) {
            property.putArray("type").add(type.stringValue()).add("null");
        } else {
            ObjectNode copy = property.deepCopy();
            property.removeAll();
            property.putArray("oneOf").add(copy).add(JSON.objectNode().put("type", "null"));
        }
    }

    /** Whether EventJson writes the component every time: unless {@code @JsonInclude} lets it leave it out. */
    private static boolean alwaysWritten(Class<?> record, RecordComponent component) {
        JsonInclude include = annotation(component.getAccessor(), JsonInclude.class);
        if (include == null) {
            include = annotation(field(record, component), JsonInclude.class);
        }
        if (include == null) {
            include = record.getAnnotation(JsonInclude.class);
        }
        return include == null
                || include.value() == JsonInclude.Include.ALWAYS
                || include.value() == JsonInclude.Include.USE_DEFAULTS;
    }

    private static AnnotatedElement field(Class<?> record, RecordComponent component) {
        try {
            return record.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <A extends java.lang.annotation.Annotation> @Nullable A annotation(
            AnnotatedElement element, Class<A> type) {
        return element.getAnnotation(type);
    }
}
