-- The W3C traceparent of the event's processing that stored the notification: the dispatcher sends its e-mail in that
-- trace, so that its log lines are in the order's trace (bin/trace). Null when not traced, for notifications that
-- report no event, and for those stored before.
alter table notifications add column traceparent varchar(55);
