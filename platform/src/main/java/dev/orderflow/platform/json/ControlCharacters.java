package dev.orderflow.platform.json;

/**
 * The characters no text a client sends may contain: the C0 controls (NUL included), DEL, the C1 controls and lone
 * surrogates. They have no business in an id, a name or a code; PostgreSQL refuses NUL outright, the others end up in
 * logs, e-mail headers and Kafka events where they can forge lines or hide text, and a lone surrogate cannot even be
 * stored as UTF-8 without being changed. Free text ({@link FreeText}) may also contain TAB, LF and CR, since a message
 * may have lines.
 */
public final class ControlCharacters {

    private ControlCharacters() {}

    /**
     * Why {@code text} is refused, or {@code null} if it is fine.
     *
     * @param freeText whether TAB, LF and CR are allowed
     */
    public static String problem(CharSequence text, boolean freeText) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain an unpaired surrogate (" + codePoint(c) + ")";
            } else if (isControl(c) && !(freeText && (c == '\t' || c == '\n' || c == '\r'))) {
                return "must not contain control characters (" + codePoint(c) + " at position " + i + ")";
            }
        }
        return null;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
