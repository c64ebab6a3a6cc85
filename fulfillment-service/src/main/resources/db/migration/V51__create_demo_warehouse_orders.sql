-- What the demo warehouse receiver (an outside system in a real deployment) received: once per Idempotency-Key.
create table demo_warehouse_orders (
    id              bigint       generated always as identity primary key,
    warehouse       varchar(64)  not null,
    idempotency_key varchar(128) not null,
    body            text         not null,
    received_at     timestamptz  not null default now(),
    unique (warehouse, idempotency_key)
);
