-- Where a customer's e-mails go; set by PUT /customers/{customerId}/contact.
create table customer_contacts (
    customer_id varchar(64)  primary key,
    email       varchar(254) not null,
    updated_at  timestamptz  not null
);

-- Everything the service told a customer, and how far its e-mail got.
create table notifications (
    id                    uuid          primary key,
    customer_id           varchar(64)   not null,
    type                  varchar(32)   not null
        check (type in ('DEPOSIT_ACCEPTED', 'ORDER_PAID', 'PAYMENT_FAILED', 'DIRECT')),
    message               varchar(2000) not null,
    -- EMAIL when it is (to be) e-mailed, STORED when it is only kept here
    channel               varchar(16)   not null check (channel in ('EMAIL', 'STORED')),
    -- the ce_id of the event it reports: one notification per event, however often it is delivered
    event_id              varchar(64)   unique,
    created_at            timestamptz   not null,
    email_status          varchar(16)   not null check (email_status in ('PENDING', 'SENT', 'FAILED', 'NOT_SENT')),
    email_attempts        integer       not null default 0,
    email_last_error      varchar(1000),
    -- when the dispatcher may (re)try a PENDING e-mail
    email_next_attempt_at timestamptz
);

create index notifications_by_customer on notifications (customer_id, created_at);
create index notifications_email_due on notifications (email_next_attempt_at) where email_status = 'PENDING';
