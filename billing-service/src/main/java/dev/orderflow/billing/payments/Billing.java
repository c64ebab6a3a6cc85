package dev.orderflow.billing.payments;

import dev.orderflow.billing.accounts.Accounts;
import dev.orderflow.billing.notifying.CustomerNotifications;
import dev.orderflow.events.PaymentFailed;
import dev.orderflow.platform.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Charging orders, exactly once each, whether OrderCreated or POST /payments asks for it.
 *
 * <p>One transaction of two statements: claim the order (the primary key of {@code charges} admits one charge per
 * order) and debit the account with one conditional update (the row lock serialises racing charges and deposits; the
 * balance never goes below zero), then record the outcome and put OrderPaid or PaymentFailed in the outbox. An order
 * claimed before is not charged again: the first outcome is returned, and no event is published again.
 */
@Service
public class Billing {

    private static final Logger log = LoggerFactory.getLogger(Billing.class);

    private final Charges charges;
    private final Accounts accounts;
    private final Outbox outbox;
    private final CustomerNotifications notifications;
    private final TransactionTemplate transactions;

    Billing(
            Charges charges,
            Accounts accounts,
            Outbox outbox,
            CustomerNotifications notifications,
            TransactionTemplate transactions) {
        this.charges = charges;
        this.accounts = accounts;
        this.outbox = outbox;
        this.notifications = notifications;
        this.transactions = transactions;
    }

    /**
     * Charges the order once. Joins the caller's transaction if there is one (the processed-events guard's). When the
     * order is paid now, {@code OrderPaid} carries its details.
     *
     * @return the outcome; {@link ChargeOutcome#replayed()} when the order was charged before, possibly by a
     *     different request (see {@link ChargeOutcome#answers(Charge)})
     */
    public ChargeOutcome charge(Charge charge, OrderDetails order) {
        return transactions.execute(status -> {
            Charges.Claim claim = charges.claimAndDebit(charge);
            if (!claim.claimed()) {
                ChargeOutcome first =
                        charges.find(charge.orderId()).orElseThrow().asReplay();
                log.info("Order {} was charged before ({}); not charging it again", charge.orderId(), first.status());
                return first;
            }
            ChargeOutcome outcome = claim.balance() != null
                    ? ChargeOutcome.paid(charge, claim.balance())
                    : ChargeOutcome.failed(charge, whyNot(charge));
            notifications.tell(
                    outbox.publishWith(outcome.event(order), Charges.RECORD_OUTCOME, Charges.outcomeParams(outcome)));
            return outcome;
        });
    }

    /** Why the debit found nothing to take the money from. */
    private String whyNot(Charge charge) {
        return accounts.find(charge.customerId())
                .map(account -> account.currency().equals(charge.currency())
                        ? PaymentFailed.INSUFFICIENT_FUNDS
                        : ChargeOutcome.CURRENCY_MISMATCH)
                .orElse(PaymentFailed.ACCOUNT_NOT_FOUND);
    }
}
