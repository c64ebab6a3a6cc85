package dev.orderflow.fulfillment.workflow.web;

import dev.orderflow.fulfillment.workflow.Executions;
import dev.orderflow.fulfillment.workflow.Executions.ExecutionRecord;
import dev.orderflow.fulfillment.workflow.Executions.StepRecord;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /workflows/executions?orderId=…} and {@code GET /workflows/executions/{id}}: executions with their steps.
 * Refusals are {@link WorkflowProblems}' to answer.
 */
@RestController
@Tag(name = "workflows", description = "Workflow executions and their steps")
class WorkflowController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Executions executions;

    WorkflowController(Executions executions) {
        this.executions = executions;
    }

    record StepView(
            String name,
            String status,
            JsonNode input,
            JsonNode output,
            int attempts,
            String lastError,
            Instant startedAt,
            Instant finishedAt) {}

    record ExecutionView(
            String id,
            String workflow,
            String eventId,
            String orderId,
            String status,
            String currentStep,
            String error,
            Instant startedAt,
            Instant finishedAt,
            List<StepView> steps) {}

    /** The query names no order, or not one that can be an order id. */
    static class OrderIdRequired extends RuntimeException {}

    /** There is no execution with that id. */
    static class ExecutionNotFound extends RuntimeException {

        ExecutionNotFound(String id) {
            super("No workflow execution " + id + ".");
        }
    }

    @GetMapping("/workflows/executions")
    @ApiResponse(
            responseCode = "200",
            description = "The order's executions",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ExecutionView.class))))
    List<ExecutionView> byOrder(@RequestParam(required = false) String orderId) {
        if (orderId == null
                || orderId.isBlank()
                || orderId.length() > 64
                || orderId.chars().anyMatch(Character::isISOControl)) {
            throw new OrderIdRequired();
        }
        return executions.findByOrder(orderId).stream().map(this::view).toList();
    }

    @GetMapping("/workflows/executions/{id}")
    @ApiResponse(
            responseCode = "200",
            description = "The execution with its steps",
            content = @Content(schema = @Schema(implementation = ExecutionView.class)))
    @ApiResponse(responseCode = "404", description = "No such execution")
    ExecutionView one(@PathVariable String id) {
        return executions.find(id).map(this::view).orElseThrow(() -> new ExecutionNotFound(id));
    }

    private ExecutionView view(ExecutionRecord execution) {
        return new ExecutionView(
                execution.id(),
                execution.workflow(),
                execution.eventId(),
                execution.orderId(),
                execution.status(),
                execution.currentStep(),
                execution.error(),
                execution.startedAt(),
                execution.finishedAt(),
                executions.steps(execution.id()).stream()
                        .map(WorkflowController::view)
                        .toList());
    }

    private static StepView view(StepRecord step) {
        return new StepView(
                step.name(),
                step.status(),
                json(step.input()),
                json(step.output()),
                step.attempts(),
                step.lastError(),
                step.startedAt(),
                step.finishedAt());
    }

    private static JsonNode json(String text) {
        return text == null ? null : JSON.readTree(text);
    }
}
