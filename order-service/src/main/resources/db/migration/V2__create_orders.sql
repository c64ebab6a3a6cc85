create table orders (
    order_id        uuid           primary key,
    customer_id     varchar(64)    not null,
    location        varchar(64)    not null,
    status          varchar(32)    not null,
    failure_reason  varchar(64),
    total           numeric(19, 2) not null check (total >= 0),
    currency        char(3)        not null,
    created_at      timestamptz    not null,
    -- how many times the status changed; a redelivered payment event must not move it
    version         integer        not null default 0,
    idempotency_key varchar(255)   unique,
    request_hash    varchar(64)
);

create index orders_by_customer on orders (customer_id, created_at desc);

create table order_items (
    order_id     uuid           not null references orders (order_id),
    line_no      integer        not null,
    product_code varchar(64)    not null references products (product_code),
    quantity     integer        not null check (quantity > 0),
    unit_price   numeric(19, 2) not null,
    primary key (order_id, line_no)
);
