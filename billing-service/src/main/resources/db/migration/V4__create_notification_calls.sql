-- HTTP interaction style only: the payment outcomes billing still has to tell notification-service over HTTP, written
-- in the transaction that publishes the outcome to the outbox, and called after the commit, at least once.
create table notification_calls (
    event_id        varchar(64)   primary key,
    event_type      varchar(255)  not null,
    source          varchar(255)  not null,
    subject         varchar(255),
    occurred_at     timestamptz   not null,
    payload         bytea         not null,
    -- the order of the calls: one customer's outcomes reach notification-service in the order they happened
    seq             bigint        generated always as identity,
    attempts        integer       not null default 0,
    -- when the dispatcher may (re)try the call; null once given up
    next_attempt_at timestamptz,
    last_error      varchar(1000)
);

create index notification_calls_due on notification_calls (next_attempt_at, seq) where next_attempt_at is not null;
