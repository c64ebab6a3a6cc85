package dev.orderflow.testsupport;

import dev.orderflow.events.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real Kafka broker and one real PostgreSQL for the whole test JVM, started on first use and stopped when the JVM
 * exits. When a Docker engine answers, Testcontainers runs them ({@code apache/kafka}, {@code postgres:17}); otherwise
 * an in-process Apache Kafka KRaft broker and an embedded PostgreSQL 17. Set {@code ORDERFLOW_TEST_INFRASTRUCTURE} (or
 * the system property {@code orderflow.test.infrastructure}) to {@code docker} or {@code embedded} to choose.
 *
 * <p>At exit, the application contexts that use them are closed first, then the servers: otherwise the JVM's shutdown
 * hooks race, and an application's background threads wait for a database that is already gone.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final int PARTITIONS = 3;
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private static final Deque<AutoCloseable> toClose = new ArrayDeque<>();

    private static String kafka;
    private static Database database;
    private static boolean shutdownHookAdded;

    private TestInfrastructure() {}

    /** Where a test's application connects to PostgreSQL. */
    public record Database(String jdbcUrl, String username, String password) {}

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = useDocker() ? startKafkaContainer() : startEmbeddedKafka();
        }
        return kafka;
    }

    public static synchronized Database database() {
        if (database == null) {
            database = useDocker() ? startPostgresContainer() : startEmbeddedPostgres();
        }
        return database;
    }

    /**
     * Where a service connects as its own role, as in production: a role that owns {@code schemas} (created if missing)
     * and can touch nothing else, not even create in {@code public}; created on first use (the stack module's
     * SchemaOwners and docker/postgres/init.sh do the same for the local stacks). Its password is the role's name.
     */
    public static synchronized Database databaseFor(String role, Collection<String> schemas) {
        Database admin = database();
        if (!IDENTIFIER.matcher(role).matches()
                || !schemas.stream()
                        .allMatch(schema -> IDENTIFIER.matcher(schema).matches())) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + role + " " + schemas);
        }
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.username(), admin.password());
                Statement statement = connection.createStatement()) {
            String database = connection.getCatalog();
            statement.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
            statement.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
                    + "') THEN CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD '"
                    + role + "'; END IF; END $$");
            statement.execute("GRANT CONNECT ON DATABASE " + database + " TO " + role);
            for (String schema : schemas) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + role);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the role " + role + " for the tests", e);
        }
        return new Database(admin.jdbcUrl(), role, role);
    }

    /** Closes the context at exit before the servers it uses are stopped. */
    static synchronized void closeBeforeServers(ConfigurableApplicationContext context) {
        onExit(context::close);
    }

    /** Registers something to close at exit; what was registered last is closed first. */
    private static synchronized void onExit(AutoCloseable closeable) {
        toClose.push(closeable);
        if (!shutdownHookAdded) {
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(TestInfrastructure::closeAll, "test-infrastructure-shutdown"));
            shutdownHookAdded = true;
        }
    }

    private static void closeAll() {
        List<AutoCloseable> all;
        synchronized (TestInfrastructure.class) {
            all = List.copyOf(toClose);
            toClose.clear();
        }
        for (AutoCloseable closeable : all) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("Cannot close {} at exit", closeable, e);
            }
        }
    }

    private static boolean useDocker() {
        String choice = System.getProperty(
                "orderflow.test.infrastructure", System.getenv().getOrDefault("ORDERFLOW_TEST_INFRASTRUCTURE", "auto"));
        return switch (choice.toLowerCase(Locale.ROOT)) {
            case "docker" -> true;
            case "embedded" -> false;
            default -> DockerClientFactory.instance().isDockerAvailable();
        };
    }

    private static String startEmbeddedKafka() {
        String[] topics = Topics.ALL.stream()
                .flatMap(topic -> Stream.of(topic, Topics.deadLetter(topic)))
                .toArray(String[]::new);
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS, topics);
        broker.brokerProperties(Map.of(
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.num.partitions", "1",
                "transaction.state.log.num.partitions", "1"));
        broker.afterPropertiesSet();
        onExit(broker::destroy);
        log.info("Test infrastructure: in-process Kafka broker at {}", broker.getBrokersAsString());
        return broker.getBrokersAsString();
    }

    private static String startKafkaContainer() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.2.1");
        container.start();
        onExit(container::stop);
        log.info("Test infrastructure: Kafka container at {}", container.getBootstrapServers());
        return container.getBootstrapServers();
    }

    private static Database startEmbeddedPostgres() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            onExit(postgres);
            String url = postgres.getJdbcUrl("postgres", "postgres");
            log.info("Test infrastructure: embedded PostgreSQL at {}", url);
            return new Database(url, "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    private static Database startPostgresContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        onExit(container::stop);
        log.info("Test infrastructure: PostgreSQL container at {}", container.getJdbcUrl());
        return new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
}
