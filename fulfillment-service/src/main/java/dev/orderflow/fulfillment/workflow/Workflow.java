package dev.orderflow.fulfillment.workflow;

import java.util.List;
import java.util.Optional;

/** A workflow: its name and its steps; the first runs first, and each step's outcome names the next. */
public interface Workflow {

    String name();

    List<Step> steps();

    default Optional<Step> step(String name) {
        return steps().stream().filter(step -> step.name().equals(name)).findFirst();
    }
}
