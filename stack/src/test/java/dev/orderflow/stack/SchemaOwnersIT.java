package dev.orderflow.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local stack's database roles: each service's owns its schema and can touch nothing else. */
class SchemaOwnersIT {

    private static final String PERMISSION_DENIED = "42501";

    @TempDir
    static Path dataDir;

    @TempDir
    static Path workDir;

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = LocalPostgres.server(new LocalPostgres.Options(0, dataDir, workDir))
                .start();
        // What an earlier stack left: one shared role that owned every schema and table.
        LocalPostgres.createRoleAndDatabase(postgres);
        try (Connection connection =
                        postgres.getDatabase("postgres", LocalPostgres.DATABASE).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA legacy_push AUTHORIZATION " + LocalPostgres.ROLE);
            statement.execute("ALTER SCHEMA billing OWNER TO " + LocalPostgres.ROLE);
            statement.execute("SET ROLE " + LocalPostgres.ROLE);
            statement.execute("CREATE TABLE billing.accounts (customer_id varchar(64) PRIMARY KEY, balance numeric)");
            statement.execute("CREATE TABLE billing.history (id bigserial PRIMARY KEY)");
            statement.execute("INSERT INTO billing.accounts VALUES ('alice', 100)");
        }
        LocalPostgres.createRoleAndDatabase(postgres);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void theOrderServiceRoleCannotSelectFromBillingAccounts() {
        assertThatThrownBy(() -> query("order-service", "SELECT balance FROM billing.accounts"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied")
                .extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo(PERMISSION_DENIED);
    }

    @Test
    void theBillingServiceRoleOwnsWhatAnEarlierStackCreatedInItsSchema() throws Exception {
        assertThat(query("billing-service", "SELECT balance FROM billing.accounts"))
                .isEqualTo("100");
        assertThat(query("billing-service", "SELECT nextval('billing.history_id_seq')"))
                .isEqualTo("1");
        assertThat(query(
                        "billing-service",
                        "SELECT string_agg(DISTINCT tableowner, ',') FROM pg_tables WHERE schemaname = 'billing'"))
                .isEqualTo("billing_service");
    }

    @Test
    void noServiceRoleCanCreateInPublicOrCreateASchema() {
        assertThatThrownBy(() -> execute("order-service", "CREATE TABLE public.stolen (id int)"))
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo(PERMISSION_DENIED);
        assertThatThrownBy(() -> execute("push-service", "CREATE SCHEMA mine"))
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo(PERMISSION_DENIED);
        assertThatThrownBy(() -> execute("push-service", "CREATE TABLE legacy_push.x (id int)"))
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo(PERMISSION_DENIED);
    }

    @Test
    void theAdministratorReadsEveryServicesData() throws Exception {
        try (Connection connection = DriverManager.getConnection(url(), LocalPostgres.ROLE, LocalPostgres.PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM billing.accounts")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void theServiceRolesAreNotSuperusers() throws Exception {
        for (StackAccounts.Service service : StackAccounts.SERVICES) {
            assertThat(query(
                            service.name(),
                            "SELECT rolsuper OR rolcreatedb OR rolcreaterole FROM pg_roles"
                                    + " WHERE rolname = current_user"))
                    .as(service.role())
                    .isEqualTo("f");
        }
    }

    @Test
    void flywayMigratesAsTheSchemaOwner() throws Exception {
        StackAccounts.Service orders = account("order-service");
        Flyway flyway = Flyway.configure()
                .dataSource(url(), orders.role(), orders.password())
                .schemas(orders.schema())
                .defaultSchema(orders.schema())
                .createSchemas(true)
                .locations("classpath:db/owner-test")
                .load();

        assertThat(flyway.migrate().migrationsExecuted).isEqualTo(1);
        execute("order-service", "INSERT INTO orders (customer_id) VALUES ('alice')");
        assertThat(query("order-service", "SELECT count(*) FROM orders.orders")).isEqualTo("1");
        assertThatThrownBy(() -> query("billing-service", "SELECT count(*) FROM orders.orders"))
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo(PERMISSION_DENIED);
    }

    private static String url() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + LocalPostgres.DATABASE;
    }

    private static StackAccounts.Service account(String service) {
        return StackAccounts.SERVICES.stream()
                .filter(candidate -> candidate.name().equals(service))
                .findFirst()
                .orElseThrow();
    }

    private static Connection connect(String service) throws SQLException {
        StackAccounts.Service account = account(service);
        return DriverManager.getConnection(url(), account.role(), account.password());
    }

    private static String query(String service, String sql) throws SQLException {
        try (Connection connection = connect(service);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static void execute(String service, String sql) throws SQLException {
        try (Connection connection = connect(service);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
