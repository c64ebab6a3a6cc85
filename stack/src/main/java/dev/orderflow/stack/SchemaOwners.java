package dev.orderflow.stack;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL that gives each service a PostgreSQL role of its own that owns its schema and can touch nothing else: not a
 * superuser, no database or role creation, allowed to connect to the one database, the schema and everything in it
 * its own (also what an earlier stack created as another role), nothing granted on other schemas, and nobody allowed
 * to create in {@code public}. Every statement can run again and changes nothing the second time. The compose file's
 * docker/postgres/init.sh and test-support's TestInfrastructure do the same; change them together.
 */
final class SchemaOwners {

    private SchemaOwners() {}

    /** Run once per database, before the roles: close what every role gets by default. */
    static List<String> lockDown(String database) {
        return List.of(
                "REVOKE ALL ON DATABASE " + database + " FROM PUBLIC", "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    }

    /** Creates or updates {@code service}'s role with {@code password} and hands it its schema. */
    static List<String> statements(String database, StackAccounts.Service service, String password) {
        String role = service.role();
        String schema = service.schema();
        List<String> sql = new ArrayList<>();
        sql.add("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN CREATE ROLE "
                + role + "; END IF; END $$");
        sql.add("ALTER ROLE " + role + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION"
                + " NOBYPASSRLS PASSWORD '" + password.replace("'", "''") + "'");
        sql.add("GRANT CONNECT ON DATABASE " + database + " TO " + role);
        sql.add("CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + role);
        sql.add("ALTER SCHEMA " + schema + " OWNER TO " + role);
        // Tables, views and sequences an earlier stack created as its shared role become the service's; indexes and
        // the sequences of identity or serial columns follow their tables.
        sql.add("""
                DO $$ DECLARE r record; BEGIN
                  FOR r IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                           WHERE n.nspname = '%1$s' AND c.relowner <> '%2$s'::regrole
                             AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                             AND NOT EXISTS (SELECT FROM pg_depend d
                                             WHERE d.objid = c.oid AND c.relkind = 'S' AND d.deptype IN ('a', 'i'))
                  LOOP
                    EXECUTE format('ALTER TABLE %%s OWNER TO %2$s', r.name);
                  END LOOP;
                END $$""".formatted(schema, role));
        sql.add("ALTER ROLE " + role + " IN DATABASE " + database + " SET search_path = " + schema);
        return sql;
    }
}
