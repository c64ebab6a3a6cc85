package dev.orderflow.fulfillment.destinations;

import java.util.List;

/** A request about connections or API destinations that cannot be done; {@link #kind()} says how to answer it. */
public class DestinationException extends RuntimeException {

    public enum Kind {
        INVALID,
        NOT_FOUND,
        CONFLICT,
        UNAVAILABLE
    }

    /** One invalid field. */
    public record Problem(String field, String message) {}

    private final Kind kind;
    private final List<Problem> problems;

    public DestinationException(Kind kind, String message) {
        this(kind, message, List.of());
    }

    private DestinationException(Kind kind, String message, List<Problem> problems) {
        super(message);
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public static DestinationException invalid(List<Problem> problems) {
        return new DestinationException(Kind.INVALID, "invalid request", problems);
    }

    public Kind kind() {
        return kind;
    }

    public List<Problem> problems() {
        return problems;
    }
}
