package dev.orderflow.billing.payments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The charge of an order as the {@code charges} table keeps it, one per order. Read-only as an entity: a charge is
 * claimed and its outcome written only by the guarded statements of {@link Charges}.
 */
@Entity
@Table(name = "charges")
@Immutable
class RecordedCharge {

    @Id
    private UUID orderId;

    private String customerId;

    private BigDecimal amount;

    @Column(length = 3)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String currency;

    /** CHARGING inside the charging transaction only, then PAID or FAILED. */
    private String status;

    private String reason;

    private BigDecimal balanceAfter;

    private Instant createdAt;

    protected RecordedCharge() {}

    /** How the charge ended; a replay of it as far as a later request for the same order is concerned. */
    ChargeOutcome outcome() {
        return new ChargeOutcome(
                new Charge(orderId, customerId, amount, currency),
                ChargeStatus.valueOf(status),
                reason,
                balanceAfter,
                false);
    }
}
