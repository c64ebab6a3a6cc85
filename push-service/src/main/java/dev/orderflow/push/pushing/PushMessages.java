package dev.orderflow.push.pushing;

import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentFailed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** The texts customers read on their devices about their orders' payments. */
public final class PushMessages {

    private static final Map<String, String> REASONS = Map.of(
            PaymentFailed.INSUFFICIENT_FUNDS, "insufficient funds",
            PaymentFailed.ACCOUNT_NOT_FOUND, "no account was found for you");

    private PushMessages() {}

    /** E.g. "Your order 0b6a… was paid: 7.00 USD. Your balance is 93.00 USD." */
    public static String of(OrderPaid paid) {
        return "Your order %s was paid: %s. Your balance is %s."
                .formatted(
                        paid.orderId(), money(paid.amount(), paid.currency()), money(paid.balance(), paid.currency()));
    }

    /** E.g. "Your order 0b6a… could not be paid: insufficient funds (7.00 USD)." */
    public static String of(PaymentFailed failed) {
        return "Your order %s could not be paid: %s (%s)."
                .formatted(
                        failed.orderId(),
                        REASONS.getOrDefault(failed.reason(), failed.reason()),
                        money(failed.amount(), failed.currency()));
    }

    private static String money(BigDecimal amount, String currency) {
        String digits = amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        return currency == null || currency.isBlank() ? digits : digits + " " + currency;
    }
}
