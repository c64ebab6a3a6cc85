-- One row per (event, rule, target): written in the listener's transaction with the event's id, worked through by the
-- delivery dispatcher afterwards, so that no target is called inside the listener's transaction.
create table deliveries (
    id              bigint        generated always as identity primary key,
    event_id        varchar(64)   not null,
    rule_name       varchar(64)   not null,
    target_id       varchar(64)   not null,
    -- '' for a live delivery; the replay's name for a replayed one, so that a replay delivers an event again
    replay_name     varchar(64)   not null default '',
    -- the target as it was when the event matched, so an edit of the rule does not change a delivery in flight
    target          jsonb         not null,
    -- the event after the target's input transformation: what the target receives
    input           text          not null,
    -- every rule that matched the event, for targets that record why they got it
    matched_rules   varchar(64)[] not null,
    event_time      timestamptz   not null,
    status          varchar(16)   not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null default now(),
    last_error      varchar(1000),
    created_at      timestamptz   not null default now(),
    finished_at     timestamptz,
    -- set once a FAILED delivery's dead letter is acknowledged by the broker on fulfillment-dlt
    dead_lettered_at timestamptz,
    unique (event_id, rule_name, target_id, replay_name)
);

create index deliveries_due on deliveries (next_attempt_at) where status = 'PENDING';
create index deliveries_to_dead_letter on deliveries (id) where status = 'FAILED' and dead_lettered_at is null;
create index deliveries_by_rule on deliveries (rule_name, id desc);
