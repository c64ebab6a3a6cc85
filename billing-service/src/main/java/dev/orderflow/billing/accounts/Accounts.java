package dev.orderflow.billing.accounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts. A balance changes only through {@link #credit} and the debit in billing's charge (one statement with
 * the charge's claim, {@code Charges.claimAndDebit}), each one conditional {@code update ... returning}: no
 * read-modify-write, so concurrent charges and deposits serialise on the row lock and none of them needs luck.
 * {@code CHECK (balance >= 0)} backs the rule in the database.
 */
public interface Accounts extends Repository<Account, String> {

    /** An account that {@link #open} created, or found already open. */
    record Opened(Account account, boolean created) {}

    /** Opens an account with a zero balance, or finds the one already open; safe when two requests race. */
    default Opened open(String customerId) {
        int inserted = insertIfAbsent(customerId, Money.CURRENCY, Instant.now().truncatedTo(ChronoUnit.MICROS));
        return new Opened(find(customerId).orElseThrow(), inserted == 1);
    }

    @Modifying
    @Transactional
    @Query(nativeQuery = true, value = """
            insert into accounts (customer_id, balance, currency, created_at)
            values (:customerId, 0, :currency, :createdAt)
            on conflict (customer_id) do nothing
            """)
    int insertIfAbsent(
            @Param("customerId") String customerId,
            @Param("currency") String currency,
            @Param("createdAt") Instant createdAt);

    @Query("select a from Account a where a.customerId = :customerId")
    Optional<Account> find(@Param("customerId") String customerId);

    /**
     * Adds the amount to the balance. Runs in the caller's transaction: the deposit it belongs to.
     *
     * @return the balance after the credit; empty when there is no account in that currency
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @Query(nativeQuery = true, value = """
            update accounts set balance = balance + :amount
            where customer_id = :customerId and currency = :currency
            returning balance
            """)
    Optional<BigDecimal> credit(
            @Param("customerId") String customerId,
            @Param("amount") BigDecimal amount,
            @Param("currency") String currency);
}
