-- Money a customer asked to add. POST /accounts/{id}/deposits writes it REQUESTED (with DepositRequested in the
-- outbox); billing's own consumer moves it to ACCEPTED exactly once, in the transaction that credits the account.
create table deposits (
    deposit_id   uuid           primary key,
    customer_id  varchar(64)    not null references accounts (customer_id),
    amount       numeric(19, 2) not null check (amount > 0),
    currency     char(3)        not null,
    status       varchar(16)    not null check (status in ('REQUESTED', 'ACCEPTED')),
    requested_at timestamptz    not null,
    accepted_at  timestamptz,
    check ((status = 'ACCEPTED') = (accepted_at is not null))
);

create index deposits_by_customer on deposits (customer_id);
