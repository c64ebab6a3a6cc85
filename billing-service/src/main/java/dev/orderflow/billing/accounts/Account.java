package dev.orderflow.billing.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A customer's account: the money they have to pay orders with. Read-only as an entity: an account is opened and its
 * balance changed only by the guarded statements of {@link Accounts}, never by writing this object back.
 */
@Entity
@Table(name = "accounts")
@Immutable
public class Account {

    /** What a customer id may look like, the same as in order-service. */
    public static final String CUSTOMER_ID_PATTERN = "[A-Za-z0-9._@-]*";

    public static final String CUSTOMER_ID_MESSAGE = "may contain only letters, digits and . _ @ -";

    public static final int CUSTOMER_ID_MAX_LENGTH = 64;

    @Id
    private String customerId;

    private BigDecimal balance;

    @Column(length = 3)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String currency;

    private Instant createdAt;

    protected Account() {}

    public String customerId() {
        return customerId;
    }

    /** The balance when this account was read. */
    public BigDecimal balance() {
        return balance;
    }

    public String currency() {
        return currency;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
