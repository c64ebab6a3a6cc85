-- Connections: how to authorise calls to an API destination. The secret (a Basic password or an API key's value) is
-- stored only encrypted (AES-GCM, key from configuration, the connection's name as associated data); the rest is plain.
create table connections (
    name               varchar(64)  primary key,
    authorization_type varchar(16)  not null check (authorization_type in ('BASIC', 'API_KEY', 'NONE')),
    -- the Basic username or the API key's header name; null for NONE
    principal          varchar(256),
    encrypted_secret   text,
    updated_at         timestamptz  not null default now(),
    check ((authorization_type = 'NONE') = (principal is null and encrypted_secret is null))
);

create table api_destinations (
    name                             varchar(64)   primary key,
    endpoint                         varchar(2048) not null,
    http_method                      varchar(8)    not null check (http_method in ('POST', 'PUT', 'PATCH', 'GET', 'DELETE')),
    -- a connection in use cannot be deleted
    connection                       varchar(64)   not null references connections (name),
    invocation_rate_limit_per_second integer       not null default 300
        check (invocation_rate_limit_per_second between 1 and 300),
    updated_at                       timestamptz   not null default now()
);

-- Start-up work done once per database (e.g. the demo's default connection and destination), never again even when
-- what it created is deleted later.
create table setup_steps (
    name    varchar(64) primary key,
    done_at timestamptz not null default now()
);
