package dev.orderflow.events;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What customers read about their payments, the same words on every channel (stored notifications, e-mails, mobile
 * pushes). Plain text, no markup.
 */
public final class CustomerMessages {

    private static final Map<String, String> REASONS = Map.of(
            PaymentFailed.INSUFFICIENT_FUNDS, "insufficient funds",
            PaymentFailed.ACCOUNT_NOT_FOUND, "no account was found for you");

    private CustomerMessages() {}

    /** E.g. "Your deposit of 100.00 USD was accepted. Your balance is 100.00 USD." */
    public static String of(DepositAccepted deposit) {
        return "Your deposit of %s was accepted. Your balance is %s."
                .formatted(money(deposit.amount(), deposit.currency()), money(deposit.balance(), deposit.currency()));
    }

    /** E.g. "Your order 0b6a… was paid: 7.00 USD. Your balance is 93.00 USD." */
    public static String of(OrderPaid paid) {
        return "Your order %s was paid: %s. Your balance is %s."
                .formatted(
                        paid.orderId(), money(paid.amount(), paid.currency()), money(paid.balance(), paid.currency()));
    }

    /** E.g. "Your order 0b6a… could not be paid: insufficient funds (7.00 USD)." */
    public static String of(PaymentFailed failed) {
        return "Your order %s could not be paid: %s (%s)."
                .formatted(failed.orderId(), reason(failed.reason()), money(failed.amount(), failed.currency()));
    }

    /** E.g. "Your order 0b6a… has been dispatched." */
    public static String of(OrderDispatched dispatched) {
        return "Your order %s has been dispatched.".formatted(dispatched.orderId());
    }

    /** A failure reason in words; one this version does not know yet is shown as it came. */
    static String reason(String reason) {
        return REASONS.getOrDefault(reason, reason);
    }

    /** An amount to the cent, with its currency when the event names one. */
    static String money(BigDecimal amount, @Nullable String currency) {
        String digits = amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        return currency == null || currency.isBlank() ? digits : digits + " " + currency;
    }
}
