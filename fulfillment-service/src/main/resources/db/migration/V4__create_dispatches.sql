-- The orders that store-and-dispatch stored, once per order: the row and its OrderDispatched commit together.
create table dispatches (
    order_id      uuid           primary key,
    customer_id   varchar(64)    not null,
    location      varchar(64),
    items         jsonb          not null default '[]',
    total         numeric(19, 2) not null,
    currency      char(3),
    matched_rules varchar(64)[]  not null,
    route         varchar(64)    not null,
    event_id      varchar(64)    not null,
    dispatched_at timestamptz    not null
);
