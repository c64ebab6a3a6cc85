package dev.orderflow.billing.deposits;

import dev.orderflow.events.DepositRequested;
import dev.orderflow.platform.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Money a customer asked to add to their account: {@code REQUESTED} when asked for, {@code ACCEPTED} once, when
 * billing's consumer credits it. The entity writes a requested deposit; accepting it is one guarded statement of
 * {@link Deposits}.
 */
@Entity
@Table(name = "deposits")
public class Deposit extends AssignedIdEntity<UUID> {

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
