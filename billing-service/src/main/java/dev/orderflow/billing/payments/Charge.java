package dev.orderflow.billing.payments;

import dev.orderflow.billing.accounts.Money;
import dev.orderflow.events.OrderCreated;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A request to charge an order's amount to a customer's account. Two requests for the same order are the same charge
 * only when they are equal: same customer, amount and currency.
 *
 * @param amount exact, always with two decimal places, so that equal amounts are equal records; zero is allowed (a free
 *     order is paid without touching the balance)
 */
public record Charge(UUID orderId, String customerId, BigDecimal amount, String currency) {

    /**
     * @throws IllegalArgumentException when the amount is negative or has more than two decimals, or a field is
     *     missing
     */
    public Charge {
        if (orderId == null || customerId == null || customerId.isBlank() || currency == null) {
            throw new IllegalArgumentException("a charge needs an orderId, a customerId and a currency");
        }
        amount = Money.amount(amount);
    }

    /** The charge of an order's total. */
    public static Charge of(OrderCreated order) {
        return new Charge(order.orderId(), order.customerId(), order.total(), order.currency());
    }

    /** A charge in the currency of accounts, as POST /payments asks for it. */
    public static Charge of(UUID orderId, String customerId, BigDecimal amount) {
        return new Charge(orderId, customerId, amount, Money.CURRENCY);
    }
}
