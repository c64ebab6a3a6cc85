-- The W3C trace context of the transaction that wrote the row (the HTTP request or the consumed event), so that the
-- relay publishes the event as part of that trace. Null when tracing is off or nothing was being traced.
alter table outbox add column traceparent varchar(55);
