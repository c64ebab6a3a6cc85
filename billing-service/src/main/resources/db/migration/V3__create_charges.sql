-- One row per order ever charged, over Kafka or over HTTP: the primary key is the natural-key guard that makes a
-- second charge of the same order impossible, whatever the ce_id of the request.
-- The charging transaction claims the order first (status CHARGING), debits the account, then writes the outcome
-- (PAID or FAILED) before it commits; CHARGING is never visible outside that transaction.
-- No foreign key to accounts: an order of a customer without an account is recorded as FAILED, ACCOUNT_NOT_FOUND.
create table charges (
    order_id      uuid           primary key,
    customer_id   varchar(64)    not null,
    amount        numeric(19, 2) not null check (amount >= 0),
    currency      char(3)        not null,
    status        varchar(16)    not null check (status in ('CHARGING', 'PAID', 'FAILED')),
    reason        varchar(64),
    balance_after numeric(19, 2),
    created_at    timestamptz    not null,
    check (status <> 'PAID' or (balance_after is not null and reason is null)),
    check (status <> 'FAILED' or reason is not null)
);

create index charges_by_customer on charges (customer_id);
