-- Replays of the archive (the topics themselves) to the rules' targets.
create table replays (
    name             varchar(64)   primary key,
    state            varchar(16)   not null check (state in ('STARTING', 'RUNNING', 'COMPLETED', 'FAILED')),
    replay_from      timestamptz   not null,
    replay_to        timestamptz   not null,
    -- the rules to replay to; empty means every enabled rule
    rules            varchar(64)[] not null default '{}',
    events_replayed  bigint        not null default 0,
    error            varchar(1000),
    created_at       timestamptz   not null default now(),
    finished_at      timestamptz
);
