-- The devices of each customer; a token belongs to the customer who registered it last.
create table push_tokens (
    token         varchar(512) primary key,
    customer_id   varchar(64)  not null,
    registered_at timestamptz  not null
);

create index push_tokens_by_customer on push_tokens (customer_id);

-- One push per event and device token, recorded by the listener and sent by the dispatcher after the commit.
create table push_notifications (
    id              uuid          primary key,
    -- the ce_id of the event it reports
    event_id        varchar(64)   not null,
    token           varchar(512)  not null,
    customer_id     varchar(64)   not null,
    message         varchar(2000) not null,
    event_type      varchar(32)   not null check (event_type in ('OrderPaid', 'PaymentFailed')),
    status          varchar(16)   not null check (status in ('PENDING', 'SENT', 'FAILED')),
    created_at      timestamptz   not null,
    sent_at         timestamptz,
    attempts        integer       not null default 0,
    last_error      varchar(1000),
    -- when the dispatcher may (re)try a PENDING push
    next_attempt_at timestamptz,
    unique (event_id, token)
);

create index push_notifications_sent_by_customer on push_notifications (customer_id, sent_at) where status = 'SENT';
create index push_notifications_due on push_notifications (next_attempt_at) where status = 'PENDING';
