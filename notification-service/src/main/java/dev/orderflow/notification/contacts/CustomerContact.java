package dev.orderflow.notification.contacts;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Where a customer's e-mails go. Written only by {@link CustomerContacts#save}'s upsert, so it is read-only here. */
@Entity
@Table(name = "customer_contacts")
public class CustomerContact {

    @Id
    private String customerId;

    private String email;

    private Instant updatedAt;

    protected CustomerContact() {}

    public String customerId() {
        return customerId;
    }

    public String email() {
        return email;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
