package dev.orderflow.billing.payments;

import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentEvent;
import dev.orderflow.events.PaymentFailed;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * How the charge of an order ended: paid, with the balance right after it, or failed, with the reason.
 *
 * @param reason when failed: {@link PaymentFailed#INSUFFICIENT_FUNDS}, {@link PaymentFailed#ACCOUNT_NOT_FOUND} or
 *     {@link #CURRENCY_MISMATCH}
 * @param balance when paid: the account's balance right after this charge
 * @param replayed whether the order had been charged before and this is that first outcome, unchanged
 */
public record ChargeOutcome(
        Charge charge,
        ChargeStatus status,
        @Nullable String reason,
        @Nullable BigDecimal balance,
        boolean replayed) {

    /** The order is priced in a currency the customer's account is not kept in. */
    public static final String CURRENCY_MISMATCH = "CURRENCY_MISMATCH";

    static ChargeOutcome paid(Charge charge, BigDecimal balance) {
        return new ChargeOutcome(charge, ChargeStatus.PAID, null, balance, false);
    }

    static ChargeOutcome failed(Charge charge, String reason) {
        return new ChargeOutcome(charge, ChargeStatus.FAILED, reason, null, false);
    }

    ChargeOutcome asReplay() {
        return new ChargeOutcome(charge, status, reason, balance, true);
    }

    public boolean paid() {
        return status == ChargeStatus.PAID;
    }

    /**
     * Whether this outcome answers the request: false when the order was first charged with a different customer,
     * amount or currency, which is a conflict rather than a retry.
     */
    public boolean answers(Charge request) {
        return charge.equals(request);
    }

    /** The event that tells the other services how the charge ended. */
    PaymentEvent event() {
        return event(OrderDetails.NONE);
    }

    /** The event that tells the other services how the charge ended; a paid one carries the order's details. */
    PaymentEvent event(OrderDetails order) {
        return paid()
                ? new OrderPaid(
                        charge.orderId(),
                        charge.customerId(),
                        charge.amount(),
                        balance,
                        charge.currency(),
                        order.location(),
                        order.items())
                : new PaymentFailed(charge.orderId(), charge.customerId(), charge.amount(), reason, charge.currency());
    }
}
