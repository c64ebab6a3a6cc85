package dev.orderflow.platform.json;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Reads a JSON string as Jackson does, then refuses it if it holds a {@link ControlCharacters control character}. The
 * failure is a {@link RefusedTextException}, so Jackson adds the field's path and the problem names it.
 */
final class CheckedStringDeserializer extends StringDeserializer {

    private final boolean freeText;

    CheckedStringDeserializer(boolean freeText) {
        this.freeText = freeText;
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        boolean free = property != null && property.getAnnotation(FreeText.class) != null;
        return free == freeText ? this : new CheckedStringDeserializer(free);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String text = super.deserialize(parser, context);
        String problem = text == null ? null : ControlCharacters.problem(text, freeText);
        if (problem != null) {
            throw new RefusedTextException(parser, problem);
        }
        return text;
    }

    @Override
    public boolean isCachable() {
        return true;
    }
}
