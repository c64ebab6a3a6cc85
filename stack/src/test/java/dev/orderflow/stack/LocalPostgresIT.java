package dev.orderflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresIT {

    @TempDir
    Path dataDir;

    @TempDir
    Path workDir;

    @Test
    void createsTheRoleAndDatabaseOnceAndKeepsThemAcrossRestarts() throws Exception {
        try (EmbeddedPostgres postgres = start()) {
            LocalPostgres.createRoleAndDatabase(postgres);
            createTable(postgres.getPort());
        }
        try (EmbeddedPostgres postgres = start()) {
            LocalPostgres.createRoleAndDatabase(postgres);
            try (Connection connection = connectAsOrderflow(postgres.getPort());
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*) FROM survivor")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void parsesItsOptions() {
        LocalPostgres.Options options = LocalPostgres.Options.parse(
                new String[] {"--port", "15432", "--data-dir", "/tmp/d", "--work-dir", "/tmp/w"});

        assertThat(options.port()).isEqualTo(15432);
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/d"));
        assertThat(options.workDir()).isEqualTo(Path.of("/tmp/w"));
        assertThat(LocalPostgres.Options.parse(new String[0]).port()).isEqualTo(5432);
    }

    @Test
    void commitsAreDurable() throws Exception {
        try (EmbeddedPostgres postgres = start();
                Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            assertThat(setting(statement, "fsync")).isEqualTo("on");
            assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
        }
    }

    private static String setting(Statement statement, String name) throws Exception {
        try (ResultSet rows = statement.executeQuery("SHOW " + name)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private EmbeddedPostgres start() throws Exception {
        return LocalPostgres.server(new LocalPostgres.Options(0, dataDir, workDir))
                .start();
    }

    private static void createTable(int port) throws Exception {
        try (Connection connection = connectAsOrderflow(port);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE survivor (id int)");
            statement.execute("INSERT INTO survivor VALUES (1)");
        }
    }

    private static Connection connectAsOrderflow(int port) throws Exception {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/" + LocalPostgres.DATABASE,
                LocalPostgres.ROLE,
                LocalPostgres.PASSWORD);
    }
}
