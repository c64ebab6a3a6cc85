package dev.orderflow.billing.deposits;

import dev.orderflow.billing.accounts.AccountNotFoundException;
import dev.orderflow.billing.accounts.Accounts;
import dev.orderflow.billing.accounts.Money;
import dev.orderflow.billing.notifying.CustomerNotifications;
import dev.orderflow.events.DepositAccepted;
import dev.orderflow.events.DepositRequested;
import dev.orderflow.platform.outbox.Outbox;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The use cases of deposits: {@link #request} one (over HTTP), and {@link #apply} it when its DepositRequested comes
 * back from Kafka. The detour through Kafka keeps one customer's deposits and charges in one ordered stream.
 */
@Service
public class DepositManagement {

    private static final Logger log = LoggerFactory.getLogger(DepositManagement.class);

    private final Deposits deposits;
    private final Accounts accounts;
    private final Outbox outbox;
    private final CustomerNotifications notifications;
    private final TransactionTemplate transactions;

    DepositManagement(
            Deposits deposits,
            Accounts accounts,
            Outbox outbox,
            CustomerNotifications notifications,
            TransactionTemplate transactions) {
        this.deposits = deposits;
        this.accounts = accounts;
        this.outbox = outbox;
        this.notifications = notifications;
        this.transactions = transactions;
    }

    /**
     * Records a deposit as requested and publishes DepositRequested, in one transaction. The balance changes later,
     * when billing's consumer applies it.
     *
     * @throws AccountNotFoundException when the customer has no account
     * @throws IllegalArgumentException when the amount is not positive or has more than two decimals
     */
    public DepositRequested request(String customerId, BigDecimal amount) {
        BigDecimal exact = Money.positiveAmount(amount);
        return transactions.execute(status -> {
            String currency = accounts.find(customerId)
                    .orElseThrow(() -> new AccountNotFoundException(customerId))
                    .currency();
            DepositRequested requested = new DepositRequested(UUID.randomUUID(), customerId, exact, currency);
            deposits.save(Deposit.requested(requested));
            outbox.publish(requested);
            return requested;
        });
    }

    /**
     * Credits the deposit to its account and publishes DepositAccepted, unless the deposit was accepted before. Joins
     * the caller's transaction, so that the processed-events guard, the credit and the event commit together.
     *
     * @return whether the deposit was applied now
     * @throws IllegalArgumentException when the amount is not positive or has more than two decimals
     * @throws AccountNotFoundException when the customer has no account in the deposit's currency
     */
    public boolean apply(DepositRequested requested) {
        Money.positiveAmount(requested.amount());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Boolean applied = transactions.execute(status -> deposits.accept(
                        requested.depositId(), requested.customerId(), requested.amount(), requested.currency(), now)
                .map(accepted -> {
                    BigDecimal balance = accounts.credit(accepted.customerId(), accepted.amount(), accepted.currency())
                            .orElseThrow(() -> new AccountNotFoundException(accepted.customerId()));
                    notifications.tell(outbox.publish(new DepositAccepted(
                            requested.depositId(),
                            accepted.customerId(),
                            accepted.amount(),
                            balance,
                            accepted.currency())));
                    return true;
                })
                .orElseGet(() -> {
                    log.info("Deposit {} was accepted before; not applying it again", requested.depositId());
                    return false;
                }));
        return Boolean.TRUE.equals(applied);
    }
}
