-- The W3C traceparent of the payment or deposit that wrote the call: the dispatcher makes the call in that trace, so
-- that notification-service continues it (one order is one trace in the HTTP style too). Null when not traced, and for
-- calls written before.
alter table notification_calls add column traceparent varchar(55);
