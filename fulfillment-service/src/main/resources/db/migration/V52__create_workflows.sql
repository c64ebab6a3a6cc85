-- Durable workflow executions (ADR 0008): one per workflow and event, each step recorded in the transaction that
-- makes its effect, so that a crash at any point resumes at the first step without a record.
create table workflow_executions (
    id           varchar(160) primary key,
    workflow     varchar(64)  not null,
    event_id     varchar(64)  not null,
    order_id     varchar(64),
    input        text         not null,
    status       varchar(16)  not null default 'RUNNING' check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    -- the next step to run; null once finished
    current_step varchar(64),
    next_run_at  timestamptz  not null default now(),
    error        varchar(1000),
    started_at   timestamptz  not null default now(),
    finished_at  timestamptz,
    unique (workflow, event_id)
);

create index workflow_executions_due on workflow_executions (next_run_at) where status = 'RUNNING';
create index workflow_executions_by_order on workflow_executions (order_id);

create table workflow_steps (
    execution_id varchar(160)  not null references workflow_executions (id),
    seq          integer       not null,
    name         varchar(64)   not null,
    status       varchar(16)   not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    input        text,
    output       text,
    attempts     integer       not null default 0,
    last_error   varchar(1000),
    started_at   timestamptz   not null default now(),
    finished_at  timestamptz,
    primary key (execution_id, name)
);

-- The effects of eu-fulfillment's steps: one row per order each, so that a step run twice cannot act twice.
create table stock_reservations (
    order_id    varchar(64)  primary key,
    items       text         not null,
    reserved_at timestamptz  not null default now()
);

create table shipments (
    order_id     varchar(64)  primary key,
    carrier      varchar(64)  not null,
    tracking_id  varchar(64)  not null,
    booked_at    timestamptz  not null default now(),
    -- the simulated carrier confirms at this time; a real one would call back
    confirm_at   timestamptz  not null,
    confirmed_at timestamptz
);
