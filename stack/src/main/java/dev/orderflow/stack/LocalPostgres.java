package dev.orderflow.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server for the local stack, without Docker: zonky's embedded PostgreSQL with a data directory that
 * survives restarts. Creates the database, its administrator role and one role per service that owns the service's
 * schema and can touch nothing else ({@link SchemaOwners}; the services' Flyway migrates as that role), prints one
 * ready line, and runs until the JVM is told to stop (SIGTERM), when it shuts PostgreSQL down cleanly.
 *
 * <pre>
 * java -cp "stack/target/lib/*:stack/target/classes" dev.orderflow.stack.LocalPostgres \
 *     [--port 5432] [--data-dir .stack/data/postgres] [--work-dir .stack/cache/postgres]
 * </pre>
 */
public final class LocalPostgres {

    /** Printed on standard output once PostgreSQL accepts connections; bin/stack waits for it. */
    public static final String READY = "LocalPostgres ready";

    static final String DATABASE = "orderflow";
    static final String ROLE = "orderflow";
    static final String PASSWORD = "orderflow";

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

    private LocalPostgres() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Files.createDirectories(options.dataDir());
        Files.createDirectories(options.workDir());

        EmbeddedPostgres postgres = server(options).start();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log.info("Stopping PostgreSQL");
                            try {
                                postgres.close();
                            } catch (IOException e) {
                                log.error("Could not stop PostgreSQL cleanly", e);
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "local-postgres-stop"));

        createRoleAndDatabase(postgres);
        // Starting read PostgreSQL's 30 MB binaries archive into the heap; give that memory back, as this JVM now
        // idles.
        System.gc();
        System.out.printf(
                "%s: jdbc:postgresql://localhost:%d/%s, a role per service (%s), administrator %s, data in %s%n",
                READY,
                options.port(),
                DATABASE,
                String.join(
                        ", ",
                        StackAccounts.SERVICES.stream()
                                .map(StackAccounts.Service::role)
                                .toList()),
                ROLE,
                options.dataDir());
        System.out.flush();
        stopped.await();
    }

    /**
     * Creates the administrator role and the database when they are missing, then gives every service its role and
     * schema ({@link SchemaOwners}); a restart changes nothing but the roles' passwords, to the configured ones.
     */
    static void createRoleAndDatabase(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", ROLE)) {
                statement.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
                log.info("Created role {}", ROLE);
            }
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
                log.info("Created database {}", DATABASE);
            }
        }
        try (Connection connection = postgres.getDatabase("postgres", DATABASE).getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : SchemaOwners.lockDown(DATABASE)) {
                statement.execute(sql);
            }
            for (StackAccounts.Service service : StackAccounts.SERVICES) {
                for (String sql : SchemaOwners.statements(DATABASE, service, service.password())) {
                    statement.execute(sql);
                }
                // The administrator (psql, bin/crash-check's checks, bin/bench) sees every service's data, as the
                // compose file's superuser does; no service connects as it.
                statement.execute("GRANT " + service.role() + " TO " + ROLE);
            }
        }
        log.info(
                "Roles {} own their schemas",
                StackAccounts.SERVICES.stream().map(StackAccounts.Service::role).toList());
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (var rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The server as bin/stack runs it: durable commits, data kept in {@code options.dataDir()}. */
    static EmbeddedPostgres.Builder server(Options options) {
        return EmbeddedPostgres.builder()
                .setPort(options.port())
                .setDataDirectory(options.dataDir())
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(options.workDir().toFile())
                .setPGStartupWait(Duration.ofSeconds(60))
                // Commits are durable, on disk, before they are acknowledged: the services' outboxes and
                // processed-event
                // records rely on it. (The embedded server's default is fsync off, as for throw-away test databases.)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "64MB");
    }

    record Options(int port, Path dataDir, Path workDir) {

        static Options parse(String[] args) {
            int port = 5432;
            Path dataDir = Path.of(".stack", "data", "postgres");
            Path workDir = Path.of(".stack", "cache", "postgres");
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(required(args[i], value));
                    case "--data-dir" -> dataDir = Path.of(required(args[i], value));
                    case "--work-dir" -> workDir = Path.of(required(args[i], value));
                    default ->
                        throw new IllegalArgumentException("Unknown option " + args[i]
                                + "; usage: LocalPostgres [--port 5432] [--data-dir DIR] [--work-dir DIR]");
                }
                i++;
            }
            return new Options(port, dataDir.toAbsolutePath(), workDir.toAbsolutePath());
        }

        private static String required(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }
}
