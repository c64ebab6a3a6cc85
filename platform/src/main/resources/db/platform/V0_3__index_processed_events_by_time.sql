-- For the retention of processed event ids (ProcessedEventsRetention): rows arrive in time order, so a BRIN index
-- finds the old ones at a fraction of a B-tree's size and insert cost.
create index processed_events_processed_at on processed_events using brin (processed_at);
