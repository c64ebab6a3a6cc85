-- Dead letters already sent back: each at most once, whatever filter a later redrive uses.
create table redriven_dead_letters (
    topic       varchar(255) not null,
    partition   integer      not null,
    record_offset bigint     not null,
    event_id    varchar(64),
    redriven_at timestamptz  not null default now(),
    primary key (topic, partition, record_offset)
);
