-- The W3C trace context of the delivery that started the execution: the engine runs every step in it, so that the
-- steps' log lines are in the trace of the order's event (bin/trace). Null when not traced, and for executions started
-- before.
alter table workflow_executions add column traceparent varchar(55);
