package dev.orderflow.billing.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The charges: at most one per order, the primary key. Claiming an order and recording its outcome run in the
 * charging transaction ({@link Billing#charge}) and nowhere else.
 */
interface Charges extends Repository<RecordedCharge, UUID> {

    /**
     * Claims the order for this charge. A concurrent claim of the same order waits for this transaction and then
     * finds the order taken.
     *
     * @return false when the order was charged before
     */
    default boolean claim(Charge charge) {
        return claim(
                        charge.orderId(),
                        charge.customerId(),
                        charge.amount(),
                        charge.currency(),
                        Instant.now().truncatedTo(ChronoUnit.MICROS))
                == 1;
    }

    @Modifying
    @Transactional(propagation = Propagation.MANDATORY)
    @Query(nativeQuery = true, value = """
            insert into charges (order_id, customer_id, amount, currency, status, created_at)
            values (:orderId, :customerId, :amount, :currency, 'CHARGING', :now)
            on conflict (order_id) do nothing
            """)
    int claim(
            @Param("orderId") UUID orderId,
            @Param("customerId") String customerId,
            @Param("amount") BigDecimal amount,
            @Param("currency") String currency,
            @Param("now") Instant now);

    /** Writes the outcome of the charge this transaction claimed. */
    default void record(ChargeOutcome outcome) {
        int updated = record(outcome.charge().orderId(), outcome.status().name(), outcome.reason(), outcome.balance());
        if (updated != 1) {
            throw new IllegalStateException(
                    "charge of order " + outcome.charge().orderId() + " was not claimed");
        }
    }

    @Modifying
    @Transactional(propagation = Propagation.MANDATORY)
    @Query(nativeQuery = true, value = """
            update charges set status = :status, reason = :reason, balance_after = :balance
            where order_id = :orderId and status = 'CHARGING'
            """)
    int record(
            @Param("orderId") UUID orderId,
            @Param("status") String status,
            @Param("reason") @Nullable String reason,
            @Param("balance") @Nullable BigDecimal balanceAfter);

    /** The outcome of the order's charge, if it was charged. */
    default Optional<ChargeOutcome> find(UUID orderId) {
        return findByOrderId(orderId).map(RecordedCharge::outcome);
    }

    Optional<RecordedCharge> findByOrderId(UUID orderId);
}
