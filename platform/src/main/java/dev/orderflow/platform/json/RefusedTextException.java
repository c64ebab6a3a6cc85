package dev.orderflow.platform.json;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/** A JSON string that holds a character no text may contain; its message says which, to follow the field's name. */
public final class RefusedTextException extends InvalidFormatException {

    private static final long serialVersionUID = 1L;

    RefusedTextException(JsonParser parser, String problem) {
        // the refused value is left out: it would only carry the control character into logs and answers
        super(parser, problem, null, String.class);
    }
}
