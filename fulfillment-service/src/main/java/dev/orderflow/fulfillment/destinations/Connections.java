package dev.orderflow.fulfillment.destinations;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored connections. */
@Repository
public class Connections {

    private final JdbcClient jdbc;

    Connections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates or replaces the connection; whether it was new. */
    public boolean save(Connection connection) {
        return Boolean.TRUE.equals(jdbc.sql("""
                        insert into connections (name, authorization_type, principal, encrypted_secret, updated_at)
                        values (:name, :type, :principal, :secret, now())
                        on conflict (name) do update set authorization_type = excluded.authorization_type,
                            principal = excluded.principal, encrypted_secret = excluded.encrypted_secret,
                            updated_at = now()
                        returning (xmax = 0)
                        """)
                .param("name", connection.name())
                .param("type", connection.type().name())
                .param("principal", connection.principal())
                .param("secret", connection.encryptedSecret())
                .query(Boolean.class)
                .single());
    }

    /** Inserts the connection unless one of that name exists; whether it did. */
    public boolean insertIfAbsent(Connection connection) {
        return jdbc.sql("""
                        insert into connections (name, authorization_type, principal, encrypted_secret)
                        values (:name, :type, :principal, :secret)
                        on conflict (name) do nothing
                        """)
                        .param("name", connection.name())
                        .param("type", connection.type().name())
                        .param("principal", connection.principal())
                        .param("secret", connection.encryptedSecret())
                        .update()
                == 1;
    }

    public Optional<Connection> find(String name) {
        return jdbc.sql("select * from connections where name = :name")
                .param("name", name)
                .query(Connections::row)
                .optional();
    }

    public List<Connection> findAll() {
        return jdbc.sql("select * from connections order by name")
                .query(Connections::row)
                .list();
    }

    public boolean delete(String name) {
        return jdbc.sql("delete from connections where name = :name")
                        .param("name", name)
                        .update()
                == 1;
    }

    private static Connection row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp updated = rs.getTimestamp("updated_at");
        return new Connection(
                rs.getString("name"),
                Connection.AuthorizationType.valueOf(rs.getString("authorization_type")),
                rs.getString("principal"),
                rs.getString("encrypted_secret"),
                updated.toInstant());
    }
}
