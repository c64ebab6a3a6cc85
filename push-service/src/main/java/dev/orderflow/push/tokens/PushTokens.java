package dev.orderflow.push.tokens;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The push_tokens table: a customer may have several tokens, a token belongs to one customer. */
@Repository
public class PushTokens {

    private final JdbcClient jdbc;

    PushTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers the token for the customer; a token registered before, by anyone, moves to this customer. */
    public void register(String customerId, String token) {
        jdbc.sql("""
                        insert into push_tokens (token, customer_id, registered_at) values (:token, :customer, :now)
                        on conflict (token) do update
                        set customer_id = excluded.customer_id, registered_at = excluded.registered_at
                        """)
                .param("token", token)
                .param("customer", customerId)
                .param("now", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
                .update();
    }

    /** Removes the customer's token; nothing happens when the customer does not have it (any more). */
    public void remove(String customerId, String token) {
        jdbc.sql("delete from push_tokens where token = ? and customer_id = ?")
                .params(token, customerId)
                .update();
    }

    /** The customer's tokens, oldest registration first. */
    public List<String> tokensOf(String customerId) {
        return jdbc.sql("select token from push_tokens where customer_id = ? order by registered_at, token")
                .param(customerId)
                .query(String.class)
                .list();
    }
}
