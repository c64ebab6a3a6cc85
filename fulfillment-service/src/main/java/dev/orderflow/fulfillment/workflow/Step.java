package dev.orderflow.fulfillment.workflow;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One step of a workflow. It runs in the transaction that records its outcome: whatever it writes to the database
 * commits exactly when the step is recorded as done, so that a crash never leaves an effect without its record. A
 * step that waits is run again at the time it gives, until it is done or fails.
 */
public interface Step {

    String name();

    /**
     * @param input the workflow's input (the event)
     * @param outputs the outputs of the steps done so far, by name
     * @param startedAt when this step first ran
     */
    Outcome run(Execution execution, JsonNode input, Map<String, JsonNode> outputs, Instant startedAt);

    /** What a step run came to. */
    sealed interface Outcome {}

    /** Done, with its output; the workflow goes on at {@code next}, or ends when it is {@code null}. */
    record Done(JsonNode output, @Nullable String next) implements Outcome {}

    /** Not yet: run the step again at {@code until}. */
    record Wait(Instant until, JsonNode status) implements Outcome {}

    /** Failed for good: the workflow fails. */
    record Fail(String error) implements Outcome {}
}
