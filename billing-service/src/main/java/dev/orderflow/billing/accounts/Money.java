package dev.orderflow.billing.accounts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** Amounts of money as billing keeps them: exact decimals with two places, in the one currency accounts hold. */
public final class Money {

    /** The currency of every account. */
    public static final String CURRENCY = "USD";

    private Money() {}

    /**
     * The amount with exactly two decimal places, never rounded.
     *
     * @throws IllegalArgumentException when the amount is negative or has a non-zero third decimal
     */
    public static BigDecimal amount(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("amount has more than two decimals: " + amount.toPlainString());
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * A positive amount with exactly two decimal places.
     *
     * @throws IllegalArgumentException when the amount is zero, negative or has a non-zero third decimal
     */
    public static BigDecimal positiveAmount(BigDecimal amount) {
        BigDecimal exact = amount(amount);
        if (exact.signum() == 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
        return exact;
    }
}
