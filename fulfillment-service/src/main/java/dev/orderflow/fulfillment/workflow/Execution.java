package dev.orderflow.fulfillment.workflow;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A workflow execution as the engine locks it: where it stands and what its current step has tried so far.
 *
 * @param input the event the workflow was started with, as JSON
 * @param currentStep the step to run next
 * @param stepAttempts the failed attempts of the current step
 * @param stepStartedAt when the current step first ran, or {@code null} when it has not
 * @param traceparent the trace context its steps run in: that of the delivery that started it
 */
public record Execution(
        String id,
        String workflow,
        String orderId,
        String input,
        String currentStep,
        int stepAttempts,
        @Nullable Instant stepStartedAt,
        @Nullable String traceparent) {}
