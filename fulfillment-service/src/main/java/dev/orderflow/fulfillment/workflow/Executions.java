package dev.orderflow.fulfillment.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Workflow executions and their steps; every statement that keeps a promise written out. */
@Repository
public class Executions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A step as it is shown. */
    public record StepRecord(
            int seq,
            String name,
            String status,
            String input,
            String output,
            int attempts,
            String lastError,
            Instant startedAt,
            Instant finishedAt) {}

    /** An execution as it is shown. */
    public record ExecutionRecord(
            String id,
            String workflow,
            String eventId,
            String orderId,
            String status,
            String currentStep,
            String error,
            Instant startedAt,
            Instant finishedAt) {}

    private final JdbcClient jdbc;

    Executions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Starts an execution unless the workflow has one for the event, to run in the trace context {@code traceparent}
     * ({@code null}: none); whether it started one.
     */
    public boolean start(
            String id,
            String workflow,
            String eventId,
            String orderId,
            String input,
            String firstStep,
            @Nullable String traceparent) {
        return jdbc.sql("""
                        insert into workflow_executions (id, workflow, event_id, order_id, input, current_step, traceparent)
                        values (:id, :workflow, :eventId, :orderId, :input, :step, :traceparent)
                        on conflict do nothing
                        """)
                        .param("id", id)
                        .param("workflow", workflow)
                        .param("eventId", eventId)
                        .param("orderId", orderId)
                        .param("input", input)
                        .param("step", firstStep)
                        .param("traceparent", traceparent)
                        .update()
                == 1;
    }

    /** Locks the running executions due first, at most {@code limit}, skipping those another transaction holds. */
    List<Execution> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                        select e.id, e.workflow, e.order_id, e.input, e.current_step, e.traceparent,
                               coalesce(s.attempts, 0) as attempts, s.started_at
                        from (select * from workflow_executions
                              where status = 'RUNNING' and next_run_at <= :now
                              order by next_run_at, started_at limit :limit
                              for update skip locked) e
                        left join workflow_steps s on s.execution_id = e.id and s.name = e.current_step
                        order by e.next_run_at, e.started_at
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, row) -> new Execution(
                        rs.getString("id"),
                        rs.getString("workflow"),
                        rs.getString("order_id"),
                        rs.getString("input"),
                        rs.getString("current_step"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("started_at") == null
                                ? null
                                : rs.getTimestamp("started_at").toInstant(),
                        rs.getString("traceparent")))
                .list();
    }

    /** The outputs of the execution's finished steps, by name. */
    Map<String, JsonNode> outputs(String executionId) {
        Map<String, JsonNode> outputs = new LinkedHashMap<>();
        jdbc.sql("""
                        select name, output from workflow_steps
                        where execution_id = :id and status = 'SUCCEEDED' order by seq
                        """)
                .param("id", executionId)
                .query((rs, row) -> Map.entry(rs.getString(1), JSON.readTree(rs.getString(2))))
                .list()
                .forEach(entry -> outputs.put(entry.getKey(), entry.getValue()));
        return outputs;
    }

    /**
     * Records the step's state: the first time it runs with its input and start time, later ones with their
     * outcome. {@code attemptsAdded} counts this run as an attempt (a wait is not one).
     */
    void recordStep(
            String executionId,
            String name,
            String status,
            String input,
            String output,
            int attemptsAdded,
            String error,
            Instant now,
            boolean finished) {
        jdbc.sql("""
                        insert into workflow_steps (execution_id, seq, name, status, input, output, attempts, last_error,
                                                    started_at, finished_at)
                        values (:id, (select count(*) from workflow_steps where execution_id = :id), :name, :status,
                                :input, :output, :attempts, :error, :now, :finishedAt)
                        on conflict (execution_id, name) do update set status = excluded.status,
                            output = coalesce(excluded.output, workflow_steps.output),
                            attempts = workflow_steps.attempts + excluded.attempts,
                            last_error = coalesce(excluded.last_error, workflow_steps.last_error),
                            finished_at = excluded.finished_at
                        """)
                .param("id", executionId)
                .param("name", name)
                .param("status", status)
                .param("input", input)
                .param("output", output)
                .param("attempts", attemptsAdded)
                .param("error", error)
                .param("now", Timestamp.from(now))
                .param("finishedAt", finished ? Timestamp.from(now) : null)
                .update();
    }

    /** Moves the execution on to its next step, or ends it when there is none. */
    void advance(String id, String nextStep, Instant now) {
        if (nextStep == null) {
            jdbc.sql("""
                            update workflow_executions set status = 'SUCCEEDED', current_step = null, finished_at = :now
                            where id = :id and status = 'RUNNING'
                            """).param("id", id).param("now", Timestamp.from(now)).update();
            return;
        }
        jdbc.sql("""
                        update workflow_executions set current_step = :next, next_run_at = :now
                        where id = :id and status = 'RUNNING'
                        """)
                .param("id", id)
                .param("next", nextStep)
                .param("now", Timestamp.from(now))
                .update();
    }

    void runAgainAt(String id, Instant at) {
        jdbc.sql("update workflow_executions set next_run_at = :at where id = :id and status = 'RUNNING'")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
    }

    void fail(String id, String error, Instant now) {
        jdbc.sql("""
                        update workflow_executions set status = 'FAILED', error = :error, finished_at = :now
                        where id = :id and status = 'RUNNING'
                        """)
                .param("id", id)
                .param("error", error)
                .param("now", Timestamp.from(now))
                .update();
    }

    public Optional<ExecutionRecord> find(String id) {
        return jdbc.sql("select * from workflow_executions where id = :id")
                .param("id", id)
                .query(Executions::execution)
                .optional();
    }

    public List<ExecutionRecord> findByOrder(String orderId) {
        return jdbc.sql("select * from workflow_executions where order_id = :order order by started_at")
                .param("order", orderId)
                .query(Executions::execution)
                .list();
    }

    public List<StepRecord> steps(String executionId) {
        return jdbc.sql("select * from workflow_steps where execution_id = :id order by seq")
                .param("id", executionId)
                .query((rs, row) -> new StepRecord(
                        rs.getInt("seq"),
                        rs.getString("name"),
                        rs.getString("status"),
                        rs.getString("input"),
                        rs.getString("output"),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null
                                ? null
                                : rs.getTimestamp("finished_at").toInstant()))
                .list();
    }

    private static ExecutionRecord execution(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ExecutionRecord(
                rs.getString("id"),
                rs.getString("workflow"),
                rs.getString("event_id"),
                rs.getString("order_id"),
                rs.getString("status"),
                rs.getString("current_step"),
                rs.getString("error"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at") == null
                        ? null
                        : rs.getTimestamp("finished_at").toInstant());
    }
}
