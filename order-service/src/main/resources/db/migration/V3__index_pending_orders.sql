-- The pending-payment job (HTTP interaction styles) looks for orders still PENDING after a while; few are, so a
-- partial index keeps that lookup small however many orders there are.
create index orders_pending_by_time on orders (created_at) where status = 'PENDING';
