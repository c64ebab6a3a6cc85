package dev.orderflow.billing.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
     * What {@link #claimAndDebit} did.
     *
     * @param claimed false when the order was charged before (and nothing was done now)
     * @param balance the balance after the debit; null when not claimed, or when there is no account in the charge's
     *     currency with enough money in it
     */
    record Claim(boolean claimed, @Nullable BigDecimal balance) {}

    /**
     * Claims the order for this charge and, if it was not charged before, debits the account, in one statement: the
     * primary key of {@code charges} admits one claim per order (a concurrent claim of the same order waits for this
     * transaction and then finds the order taken), and the debit happens only with the claim ({@code exists (select
     * from claimed)}). The debit takes the amount only if the account holds at least that much, in that currency.
     */
    default Claim claimAndDebit(Charge charge) {
        return claimAndDebit(
                charge.orderId(),
                charge.customerId(),
                charge.amount(),
                charge.currency(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    @Query(nativeQuery = true, value = """
            with claimed as (
                insert into charges (order_id, customer_id, amount, currency, status, created_at)
                values (:orderId, :customerId, :amount, :currency, 'CHARGING', :now)
                on conflict (order_id) do nothing
                returning order_id),
            debited as (
                update accounts set balance = balance - :amount
                where customer_id = :customerId and currency = :currency and balance >= :amount
                  and exists (select from claimed)
                returning balance)
            select exists (select from claimed) as claimed, (select balance from debited) as balance
            """)
    Claim claimAndDebit(
            @Param("orderId") UUID orderId,
            @Param("customerId") String customerId,
            @Param("amount") BigDecimal amount,
            @Param("currency") String currency,
            @Param("now") Instant now);

    /**
     * The outcome of the charge this transaction claimed, as the data-modifying common table expression that
     * {@link Billing} writes with the outcome's event ({@link dev.orderflow.platform.outbox.Outbox#publishWith}): only
     * a claimed charge ({@code status = 'CHARGING'}) takes an outcome.
     */
    String RECORD_OUTCOME = """
            recorded as (
                update charges set status = :status, reason = :reason, balance_after = :balance
                where order_id = :orderId and status = 'CHARGING')
            """;

    /** The parameters of {@link #RECORD_OUTCOME}. */
    static Map<String, @Nullable Object> outcomeParams(ChargeOutcome outcome) {
        Map<String, @Nullable Object> params = new HashMap<>();
        params.put("orderId", outcome.charge().orderId());
        params.put("status", outcome.status().name());
        params.put("reason", outcome.reason());
        params.put("balance", outcome.balance());
        return params;
    }

    /** The outcome of the order's charge, if it was charged. */
    default Optional<ChargeOutcome> find(UUID orderId) {
        return findByOrderId(orderId).map(RecordedCharge::outcome);
    }

    Optional<RecordedCharge> findByOrderId(UUID orderId);
}
