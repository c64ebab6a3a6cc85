-- Rules as PutRule stores them: an event pattern (EventBridge syntax, matched by aws/event-ruler) and up to five
-- targets, each {"id", "type", ...its type's settings, "inputPath"?, "inputTemplate"?, "retryPolicy"?}.
create table rules (
    name          varchar(64)   primary key,
    description   varchar(512),
    event_pattern jsonb         not null,
    state         varchar(16)   not null check (state in ('ENABLED', 'DISABLED')),
    targets       jsonb         not null default '[]',
    -- how many times the rule was written; optimistic locking of concurrent PUTs
    version       bigint        not null default 0,
    updated_at    timestamptz   not null default now()
);

-- One counter that every change to a rule moves, in the same transaction: each instance polls it (one tiny row) and
-- recompiles its matcher when it moved, so a change reaches every instance without a restart.
create table rule_changes (
    id      boolean primary key default true check (id),
    counter bigint  not null
);
insert into rule_changes (counter) values (0);

create function count_rule_change() returns trigger language plpgsql as $$
begin
    update rule_changes set counter = counter + 1;
    return null;
end
$$;

create trigger rules_changed after insert or update or delete or truncate on rules
    for each statement execute function count_rule_change();
