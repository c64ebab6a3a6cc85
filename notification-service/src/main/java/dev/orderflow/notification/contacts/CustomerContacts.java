package dev.orderflow.notification.contacts;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The customer_contacts table: one e-mail address per customer. */
@Repository
public class CustomerContacts {

    private final JdbcClient jdbc;

    CustomerContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets the customer's e-mail address, replacing the one before. */
    public void save(String customerId, String email) {
        jdbc.sql("""
                        insert into customer_contacts (customer_id, email, updated_at) values (:customer, :email, :now)
                        on conflict (customer_id) do update set email = excluded.email, updated_at = excluded.updated_at
                        """)
                .param("customer", customerId)
                .param("email", email)
                .param("now", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
                .update();
    }

    /** The customer's e-mail address, if they gave one. */
    public Optional<String> emailOf(String customerId) {
        return jdbc.sql("select email from customer_contacts where customer_id = ?")
                .param(customerId)
                .query(String.class)
                .optional();
    }
}
