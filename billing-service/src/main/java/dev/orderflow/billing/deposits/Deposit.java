package dev.orderflow.billing.deposits;

import dev.orderflow.events.DepositRequested;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.Persistable;

/**
 * Money a customer asked to add to their account: {@code REQUESTED} when asked for, {@code ACCEPTED} once, when
 * billing's consumer credits it. The entity writes a requested deposit; accepting it is one guarded statement of
 * {@link Deposits}.
 */
@Entity
@Table(name = "deposits")
public class Deposit implements Persistable<UUID> {

    static final String REQUESTED = "REQUESTED";

    @Id
    private UUID depositId;

    @Column(updatable = false)
    private String customerId;

    @Column(updatable = false)
    private BigDecimal amount;

    @Column(length = 3, updatable = false)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String currency;

    @Column(updatable = false)
    private String status;

    @Column(updatable = false)
    private Instant requestedAt;

    @Column(updatable = false)
    private Instant acceptedAt;

    /** Whether this deposit has not been stored yet: its id is assigned, so the repository cannot tell by the id. */
    @Transient
    private boolean isNew = true;

    protected Deposit() {}

    /** A deposit as asked for, before billing's consumer applies it. */
    static Deposit requested(DepositRequested requested) {
        Deposit deposit = new Deposit();
        deposit.depositId = requested.depositId();
        deposit.customerId = requested.customerId();
        deposit.amount = requested.amount();
        deposit.currency = requested.currency();
        deposit.status = REQUESTED;
        deposit.requestedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return deposit;
    }

    @Override
    public UUID getId() {
        return depositId;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostPersist
    @PostLoad
    void stored() {
        isNew = false;
    }

    String customerId() {
        return customerId;
    }

    BigDecimal amount() {
        return amount;
    }

    String currency() {
        return currency;
    }
}
