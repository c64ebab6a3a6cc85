package dev.orderflow.billing.payments;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.repository.Repository;

/**
 * The charges: at most one per order, the primary key. Claiming an order and recording its outcome run in the
 * charging transaction ({@link Billing#charge}) and nowhere else.
 */
interface Charges extends Repository<RecordedCharge, UUID>, ChargeClaims {

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
