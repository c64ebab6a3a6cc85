-- One account per customer. The CHECK is the last line of defence for "never negative": a debit that would go
-- below zero fails in the database even if the code asked for it.
create table accounts (
    customer_id varchar(64)    primary key,
    balance     numeric(19, 2) not null default 0 check (balance >= 0),
    currency    char(3)        not null,
    created_at  timestamptz    not null
);
