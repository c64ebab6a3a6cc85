-- The W3C trace context of the event's processing, so that a delivery, made later on the dispatcher's thread,
-- continues the event's trace (an API destination receives it as its traceparent header). Null when not traced.
alter table deliveries add column traceparent varchar(55);
