package dev.orderflow.push.tokens;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A device of a customer. Written only by {@link PushTokens#register}'s upsert and removed by its delete, so it is
 * read-only here.
 */
@Entity
@Table(name = "push_tokens")
public class PushToken {

    @Id
    private String token;

    private String customerId;

    private Instant registeredAt;

    protected PushToken() {}

    public String token() {
        return token;
    }

    public String customerId() {
        return customerId;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
