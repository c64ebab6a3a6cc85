-- The ce_id of every event this service has processed, recorded in the same transaction as its effect,
-- so that a redelivered event is recognised and skipped.
create table processed_events (
    event_id     varchar(64) primary key,
    processed_at timestamptz not null default now()
);
