-- The W3C traceparent of the event's processing that recorded the push: the dispatcher sends the push in that trace, so
-- that its log lines are in the order's trace (bin/trace). Null when not traced, and for pushes recorded before.
alter table push_notifications add column traceparent varchar(55);
