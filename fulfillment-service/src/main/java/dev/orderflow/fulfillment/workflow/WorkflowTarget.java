package dev.orderflow.fulfillment.workflow;

import dev.orderflow.fulfillment.targets.Delivery;
import dev.orderflow.fulfillment.targets.Target;
import dev.orderflow.fulfillment.targets.TargetInvoker;
import dev.orderflow.fulfillment.targets.TargetRefusedException;
import dev.orderflow.platform.observability.TraceContexts;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code workflow} target, {@code {"workflow": "<name>"}}: starts an execution of the workflow with the event.
 * Exactly once per event: the execution's id is derived from the workflow and the event id, it is inserted with
 * {@code on conflict do nothing} under a unique key, in the delivery's own transaction. A replayed event starts no
 * second execution. The execution runs in the trace of the delivery. The input must carry {@code detail.orderId}
 * (the whole event, not transformed away).
 */
@Component
class WorkflowTarget implements TargetInvoker {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WorkflowEngine engine;
    private final Executions executions;
    private final TraceContexts traces;

    WorkflowTarget(WorkflowEngine engine, Executions executions, TraceContexts traces) {
        this.engine = engine;
        this.executions = executions;
        this.traces = traces;
    }

    @Override
    public String type() {
        return "workflow";
    }

    @Override
    public List<String> check(Target target) {
        String name = target.setting("workflow");
        if (name == null || engine.workflow(name).isEmpty()) {
            return List.of("workflow must name a workflow of this service (eu-fulfillment)");
        }
        return List.of();
    }

    @Override
    public void deliver(Delivery delivery) {
        String name = delivery.target().setting("workflow");
        Workflow workflow =
                engine.workflow(name).orElseThrow(() -> new TargetRefusedException("no workflow named " + name));
        JsonNode input;
        try {
            input = JSON.readTree(delivery.input());
        } catch (JacksonException e) {
            throw new TargetRefusedException("the input of workflow " + name + " is not JSON");
        }
        JsonNode orderId = input.path("detail").path("orderId");
        if (!orderId.isString()) {
            throw new TargetRefusedException("workflow " + name + " needs an event with detail.orderId");
        }
        String id = name + ":" + delivery.eventId();
        if (executions.start(
                id,
                name,
                delivery.eventId(),
                orderId.stringValue(),
                delivery.input(),
                workflow.steps().getFirst().name(),
                traces.current())) {
            engine.dispatcher().wakeUpAfterCommit();
        }
    }
}
