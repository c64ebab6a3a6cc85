package dev.orderflow.order.ordering;

import java.util.List;

/** An order that cannot be placed as asked, with what is wrong with which line. */
public class InvalidOrderException extends RuntimeException {

    /**
     * @param line the index of the line in the request, or -1 for the order as a whole
     * @param field the line's field that is wrong
     */
    public record LineProblem(int line, String field, String message) {}

    private final List<LineProblem> problems;

    public InvalidOrderException(List<LineProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<LineProblem> problems() {
        return problems;
    }
}
