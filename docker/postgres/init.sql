-- Runs once, when the PostgreSQL container initialises an empty data directory (docker-entrypoint-initdb.d).
-- The role and database `orderflow` come from POSTGRES_USER / POSTGRES_DB; this adds one schema per service.
-- Each service's Flyway creates its schema too if it is missing, so this is the documented layout, not a requirement.
create schema if not exists orders authorization orderflow;
create schema if not exists billing authorization orderflow;
create schema if not exists notification authorization orderflow;
create schema if not exists push authorization orderflow;
create schema if not exists fulfillment authorization orderflow;
