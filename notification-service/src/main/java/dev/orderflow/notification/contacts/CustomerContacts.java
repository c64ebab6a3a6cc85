package dev.orderflow.notification.contacts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** The customer_contacts table: one e-mail address per customer. */
public interface CustomerContacts extends Repository<CustomerContact, String> {

    /** Sets the customer's e-mail address, replacing the one before. */
    default void save(String customerId, String email) {
        upsert(customerId, email, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** One statement, so that concurrent first writes for a customer cannot both insert. */
    @Transactional
    @Modifying
    @Query(nativeQuery = true, value = """
            insert into customer_contacts (customer_id, email, updated_at) values (:customerId, :email, :now)
            on conflict (customer_id) do update set email = excluded.email, updated_at = excluded.updated_at
            """)
    void upsert(@Param("customerId") String customerId, @Param("email") String email, @Param("now") Instant now);

    /** The customer's e-mail address, if they gave one. */
    @Query("select c.email from CustomerContact c where c.customerId = :customerId")
    Optional<String> emailOf(@Param("customerId") String customerId);
}
