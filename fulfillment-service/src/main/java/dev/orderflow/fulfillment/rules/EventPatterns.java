package dev.orderflow.fulfillment.rules;

import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Ruler;

/**
 * EventBridge event patterns, checked and matched by aws/event-ruler, which implements every EventBridge operator:
 * exact, {@code prefix}, {@code suffix}, {@code anything-but}, {@code numeric}, {@code exists},
 * {@code equals-ignore-case}, {@code wildcard}, {@code cidr} and {@code $or}.
 */
public final class EventPatterns {

    /** EventBridge's limit on the length of a rule's event pattern. */
    public static final int MAX_LENGTH = 4096;

    private EventPatterns() {}

    /** Why the pattern cannot be used, in the matcher's words, or {@code null} when it can. */
    public static String problem(String pattern) {
        if (pattern.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters of JSON, not " + pattern.length();
        }
        if (pattern.replaceAll("\\s", "").equals("{}")) {
            return "must name at least one field";
        }
        return JsonRuleCompiler.check(pattern);
    }

    /**
     * Whether the event matches the pattern, EventBridge's TestEventPattern.
     *
     * @throws InvalidRuleException when the pattern is invalid or the event is not a JSON object
     */
    public static boolean matches(String event, String pattern) {
        String problem = problem(pattern);
        if (problem != null) {
            throw new InvalidRuleException("eventPattern", problem);
        }
        try {
            return Ruler.matchesRule(event, pattern);
        } catch (Exception e) {
            throw new InvalidRuleException("event", "cannot be matched: " + e.getMessage());
        }
    }
}
