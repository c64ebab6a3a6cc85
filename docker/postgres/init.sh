#!/bin/sh
# Gives every service a PostgreSQL role of its own that owns its schema and can touch nothing else (not a superuser, no
# database or role creation, nothing on other schemas, nobody creates in public); the services' Flyway migrates as that
# role. docker-compose.yml's postgres-init runs it on every `up`, as the administrator (POSTGRES_USER): every statement
# can run again, a changed password is set, and tables an earlier compose stack created as the shared role `orderflow`
# become the service's. The same as the stack module's SchemaOwners (stack/src/main/java/dev/orderflow/stack/); change
# them together. docs/adr/0010-least-privilege.md.
set -eu

DATABASE=${PGDATABASE:-orderflow}

# owner ROLE SCHEMA PASSWORD
owner() {
  psql -v ON_ERROR_STOP=1 -q -v role="$1" -v schema="$2" -v password="$3" -v database="$DATABASE" <<'SQL'
SELECT format('CREATE ROLE %I', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS PASSWORD :'password';
GRANT CONNECT ON DATABASE :"database" TO :"role";
CREATE SCHEMA IF NOT EXISTS :"schema" AUTHORIZATION :"role";
ALTER SCHEMA :"schema" OWNER TO :"role";
SELECT format('ALTER TABLE %s OWNER TO %I', c.oid::regclass, :'role')
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = :'schema' AND c.relowner <> to_regrole(:'role')
   AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
   AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND c.relkind = 'S' AND d.deptype IN ('a', 'i'))
\gexec
ALTER ROLE :"role" IN DATABASE :"database" SET search_path = :"schema";
SQL
}

psql -v ON_ERROR_STOP=1 -q -v database="$DATABASE" <<'SQL'
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
owner auth_service auth "${AUTH_SERVICE_PASSWORD:?}"
owner order_service orders "${ORDER_SERVICE_PASSWORD:?}"
owner billing_service billing "${BILLING_SERVICE_PASSWORD:?}"
owner notification_service notification "${NOTIFICATION_SERVICE_PASSWORD:?}"
owner push_service push "${PUSH_SERVICE_PASSWORD:?}"
owner fulfillment_service fulfillment "${FULFILLMENT_SERVICE_PASSWORD:?}"
echo "postgres-init: roles auth_service, order_service, billing_service, notification_service, push_service and fulfillment_service own their schemas"
