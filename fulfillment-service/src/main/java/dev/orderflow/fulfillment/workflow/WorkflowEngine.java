package dev.orderflow.fulfillment.workflow;

import dev.orderflow.platform.dispatch.DispatchHandler;
import dev.orderflow.platform.dispatch.DispatchQueue;
import dev.orderflow.platform.dispatch.Dispatcher;
import dev.orderflow.platform.dispatch.RetryDecision;
import dev.orderflow.platform.observability.TraceContexts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs workflow executions one step per transaction, on the platform's {@link Dispatcher}: it locks the execution due
 * first ({@code for update skip locked}), runs its current step, and records the step's outcome and the execution's
 * next step in the same transaction as the step's effect. A crash before the commit leaves nothing of the step, and the
 * dispatcher, polling after a restart, runs it again: recovery is the ordinary work loop, and no step's effect happens
 * twice. A step that throws is retried with backoff (the attempts show on the step) until the engine's attempts run
 * out, then the execution fails; a step that waits sets when the execution is due again. Steps write through
 * {@code JdbcClient} only, in the engine's JDBC transactions. Each step runs, and its outcome is logged, in the trace
 * of the delivery that started the execution.
 */
@Component
public class WorkflowEngine implements DispatchQueue<Execution>, DispatchHandler<Execution> {

    private static final Logger log = LoggerFactory.getLogger(WorkflowEngine.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Executions executions;
    private final Map<String, Workflow> workflows;
    private final Dispatcher<Execution> dispatcher;

    WorkflowEngine(
            Executions executions,
            List<Workflow> workflows,
            WorkflowProperties properties,
            DataSource dataSource,
            TraceContexts traces) {
        this.executions = executions;
        this.workflows = workflows.stream().collect(Collectors.toMap(Workflow::name, Function.identity()));
        this.dispatcher = new Dispatcher<>(
                "workflow-engine",
                this,
                this,
                RetryDecision.backoff(properties.engine(), Execution::stepAttempts),
                properties.engine(),
                // plain JDBC transactions: every statement of the engine and its steps goes through JdbcClient
                new TransactionTemplate(new JdbcTransactionManager(dataSource)),
                dataSource,
                traces);
    }

    /** The worker that runs the steps; started and stopped with the application. */
    public Dispatcher<Execution> dispatcher() {
        return dispatcher;
    }

    public Optional<Workflow> workflow(String name) {
        return Optional.ofNullable(workflows.get(name));
    }

    @Override
    public List<Execution> lockDue(Instant now, int limit) {
        return executions.lockDue(now, limit);
    }

    @Override
    public @Nullable String traceparent(Execution execution) {
        return execution.traceparent();
    }

    @Override
    public void handle(Execution execution) {
        Workflow workflow = workflows.get(execution.workflow());
        if (workflow == null) {
            throw new IllegalStateException("no workflow named " + execution.workflow());
        }
        Step step = workflow.step(execution.currentStep())
                .orElseThrow(() -> new IllegalStateException(
                        "workflow " + workflow.name() + " has no step " + execution.currentStep()));
        Instant now = Instant.now();
        Instant startedAt = execution.stepStartedAt() != null ? execution.stepStartedAt() : now;
        JsonNode input = JSON.readTree(execution.input());
        Map<String, JsonNode> outputs = executions.outputs(execution.id());
        String stepInput = outputs.isEmpty()
                ? JSON.writeValueAsString(input.path("detail"))
                : JSON.writeValueAsString(
                        outputs.values().stream().reduce((a, b) -> b).orElseThrow());
        switch (step.run(execution, input, outputs, startedAt)) {
            case Step.Done done -> {
                executions.recordStep(
                        execution.id(),
                        step.name(),
                        "SUCCEEDED",
                        stepInput,
                        JSON.writeValueAsString(done.output()),
                        1,
                        null,
                        now,
                        true);
                executions.advance(execution.id(), done.next(), now);
                log.info("Workflow {} of order {}: {} succeeded", execution.id(), execution.orderId(), step.name());
            }
            case Step.Wait wait -> {
                executions.recordStep(
                        execution.id(),
                        step.name(),
                        "RUNNING",
                        stepInput,
                        JSON.writeValueAsString(wait.status()),
                        0,
                        null,
                        startedAt,
                        false);
                executions.runAgainAt(execution.id(), wait.until());
                log.info(
                        "Workflow {} of order {}: {} waits until {}",
                        execution.id(),
                        execution.orderId(),
                        step.name(),
                        wait.until());
            }
            case Step.Fail fail -> {
                executions.recordStep(
                        execution.id(), step.name(), "FAILED", stepInput, null, 1, fail.error(), now, true);
                executions.fail(execution.id(), step.name() + ": " + fail.error(), now);
                log.warn(
                        "Workflow {} of order {}: {} failed: {}",
                        execution.id(),
                        execution.orderId(),
                        step.name(),
                        fail.error());
            }
        }
    }

    /** The step ran and returned: the handler already recorded what comes next. */
    @Override
    public void markDone(Execution execution) {}

    @Override
    public void markFailed(Execution execution, String error, Instant retryAt) {
        Instant now = Instant.now();
        boolean last = retryAt == null;
        executions.recordStep(
                execution.id(), execution.currentStep(), last ? "FAILED" : "RUNNING", null, null, 1, error, now, last);
        if (last) {
            executions.fail(execution.id(), execution.currentStep() + ": " + error, now);
        } else {
            executions.runAgainAt(execution.id(), retryAt);
        }
    }

    @Override
    public void postpone(Execution execution, Instant until) {
        executions.runAgainAt(execution.id(), until);
    }

    @Override
    public String describe(Execution execution) {
        return "workflow execution " + execution.id() + " at step " + execution.currentStep();
    }
}
