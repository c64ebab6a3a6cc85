package dev.orderflow.billing.payments;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Claiming an order for its charge, and the debit that comes with the claim: a fragment of {@link Charges}. */
interface ChargeClaims {

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
    @Transactional(propagation = Propagation.MANDATORY)
    Claim claimAndDebit(Charge charge);
}
