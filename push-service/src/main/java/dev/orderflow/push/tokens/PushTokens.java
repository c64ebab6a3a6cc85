package dev.orderflow.push.tokens;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** The push_tokens table: a customer may have several tokens, a token belongs to one customer. */
public interface PushTokens extends Repository<PushToken, String> {

    /** Registers the token for the customer; a token registered before, by anyone, moves to this customer. */
    default void register(String customerId, String token) {
        upsert(token, customerId, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** One statement, so that concurrent registrations of a token cannot both insert. */
    @Transactional
    @Modifying
    @Query(nativeQuery = true, value = """
            insert into push_tokens (token, customer_id, registered_at) values (:token, :customerId, :now)
            on conflict (token) do update set customer_id = excluded.customer_id, registered_at = excluded.registered_at
            """)
    void upsert(@Param("token") String token, @Param("customerId") String customerId, @Param("now") Instant now);

    /** Removes the customer's token; nothing happens when the customer does not have it (any more). */
    @Transactional
    @Modifying
    @Query("delete from PushToken t where t.token = :token and t.customerId = :customerId")
    void remove(@Param("customerId") String customerId, @Param("token") String token);
}
