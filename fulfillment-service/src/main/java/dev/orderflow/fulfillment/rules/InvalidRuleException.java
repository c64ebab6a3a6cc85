package dev.orderflow.fulfillment.rules;

import java.util.List;

/** A rule, pattern or event that cannot be used, with what is wrong with each field. */
public class InvalidRuleException extends RuntimeException {

    /** One invalid field, e.g. {@code targets[0].type}. */
    public record Problem(String field, String message) {}

    private final List<Problem> problems;

    public InvalidRuleException(List<Problem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public InvalidRuleException(String field, String message) {
        this(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
