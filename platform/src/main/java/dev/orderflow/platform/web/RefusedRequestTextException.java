package dev.orderflow.platform.web;

import java.util.List;

/** Path variables or query parameters that hold characters no text may contain. */
final class RefusedRequestTextException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    RefusedRequestTextException(List<FieldProblem> problems) {
        super("Refused characters in "
                + problems.stream().map(FieldProblem::field).toList());
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
