package dev.orderflow.fulfillment.destinations;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored API destinations. */
@Repository
public class ApiDestinations {

    private final JdbcClient jdbc;

    ApiDestinations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates or replaces the destination; whether it was new. */
    public boolean save(ApiDestination destination) {
        return Boolean.TRUE.equals(jdbc.sql("""
                        insert into api_destinations (name, endpoint, http_method, connection,
                            invocation_rate_limit_per_second, updated_at)
                        values (:name, :endpoint, :method, :connection, :rate, now())
                        on conflict (name) do update set endpoint = excluded.endpoint,
                            http_method = excluded.http_method, connection = excluded.connection,
                            invocation_rate_limit_per_second = excluded.invocation_rate_limit_per_second,
                            updated_at = now()
                        returning (xmax = 0)
                        """)
                .param("name", destination.name())
                .param("endpoint", destination.endpoint().toString())
                .param("method", destination.httpMethod())
                .param("connection", destination.connection())
                .param("rate", destination.invocationRateLimitPerSecond())
                .query(Boolean.class)
                .single());
    }

    /** Inserts the destination unless one of that name exists; whether it did. */
    public boolean insertIfAbsent(ApiDestination destination) {
        return jdbc.sql("""
                        insert into api_destinations (name, endpoint, http_method, connection,
                            invocation_rate_limit_per_second)
                        values (:name, :endpoint, :method, :connection, :rate)
                        on conflict (name) do nothing
                        """)
                        .param("name", destination.name())
                        .param("endpoint", destination.endpoint().toString())
                        .param("method", destination.httpMethod())
                        .param("connection", destination.connection())
                        .param("rate", destination.invocationRateLimitPerSecond())
                        .update()
                == 1;
    }

    public Optional<ApiDestination> find(String name) {
        return jdbc.sql("select * from api_destinations where name = :name")
                .param("name", name)
                .query(ApiDestinations::row)
                .optional();
    }

    public List<ApiDestination> findAll() {
        return jdbc.sql("select * from api_destinations order by name")
                .query(ApiDestinations::row)
                .list();
    }

    public boolean usesConnection(String connection) {
        return jdbc.sql("select exists (select 1 from api_destinations where connection = :connection)")
                .param("connection", connection)
                .query(Boolean.class)
                .single();
    }

    public boolean delete(String name) {
        return jdbc.sql("delete from api_destinations where name = :name")
                        .param("name", name)
                        .update()
                == 1;
    }

    private static ApiDestination row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ApiDestination(
                rs.getString("name"),
                URI.create(rs.getString("endpoint")),
                rs.getString("http_method"),
                rs.getString("connection"),
                rs.getInt("invocation_rate_limit_per_second"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
