-- What the log target wrote: one entry per delivery, in a log group.
create table log_entries (
    id          bigint        generated always as identity primary key,
    log_group   varchar(512)  not null,
    delivery_id bigint        not null unique,
    event_id    varchar(64)   not null,
    rule_name   varchar(64)   not null,
    message     text          not null,
    logged_at   timestamptz   not null default now()
);

create index log_entries_by_group on log_entries (log_group, id desc);
