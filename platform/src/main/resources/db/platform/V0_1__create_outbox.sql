-- Events waiting to be published, written in the same transaction as the state change that caused them.
-- The relay publishes rows in id order and deletes them once the broker has acknowledged them.
create table outbox (
    id          bigint generated always as identity primary key,
    event_id    varchar(64)  not null,
    topic       varchar(249) not null,
    record_key  varchar(255) not null,
    event_type  varchar(255) not null,
    source      varchar(255) not null,
    subject     varchar(255) not null,
    occurred_at timestamptz  not null,
    payload     bytea        not null
);
