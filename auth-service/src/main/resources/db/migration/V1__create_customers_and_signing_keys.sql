-- A customer who can log in has a password hash (DelegatingPasswordEncoder format, e.g. {bcrypt}...); one registered
-- by the dev token route, or opened by an operator, has none and cannot log in with a password.
create table customers (
    customer_id   varchar(64) primary key,
    password_hash varchar(255),
    created_at    timestamptz not null default now()
);

-- The keys tokens are signed with, kept so that a restart (or a second instance) signs and publishes the same keys and
-- the tokens already issued stay valid.
create table signing_keys (
    key_id      varchar(64) primary key,
    algorithm   varchar(16) not null,
    private_key text        not null,
    public_key  text        not null,
    created_at  timestamptz not null default now()
);
