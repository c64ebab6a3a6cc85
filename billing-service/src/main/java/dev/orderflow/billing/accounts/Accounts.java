package dev.orderflow.billing.accounts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The accounts table. A balance changes only through {@link #debit} and {@link #credit}, each one conditional
 * {@code update ... returning}: no read-modify-write, so concurrent charges and deposits serialise on the row lock and
 * none of them needs luck. {@code CHECK (balance >= 0)} backs the rule in the database.
 */
@Repository
public class Accounts {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account that {@link #open} created, or found already open. */
    public record Opened(Account account, boolean created) {}

    /** Opens an account with a zero balance, or finds the one already open; safe when two requests race. */
    public Opened open(String customerId) {
        int inserted = jdbc.sql("""
                        insert into accounts (customer_id, balance, currency, created_at)
                        values (?, 0, ?, ?)
                        on conflict (customer_id) do nothing
                        """)
                .params(customerId, Money.CURRENCY, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
                .update();
        return new Opened(find(customerId).orElseThrow(), inserted == 1);
    }

    public Optional<Account> find(String customerId) {
        return jdbc.sql("select customer_id, balance, currency, created_at from accounts where customer_id = ?")
                .param(customerId)
                .query(Accounts::account)
                .optional();
    }

    /**
     * Takes the amount from the balance if the account holds at least that much, in that currency.
     *
     * @return the balance after the debit; empty when there is no such account or not enough money in it
     */
    public Optional<BigDecimal> debit(String customerId, BigDecimal amount, String currency) {
        return jdbc.sql("""
                        update accounts set balance = balance - :amount
                        where customer_id = :customer and currency = :currency and balance >= :amount
                        returning balance
                        """)
                .param("amount", amount)
                .param("customer", customerId)
                .param("currency", currency)
                .query(BigDecimal.class)
                .optional();
    }

    /**
     * Adds the amount to the balance.
     *
     * @return the balance after the credit; empty when there is no account in that currency
     */
    public Optional<BigDecimal> credit(String customerId, BigDecimal amount, String currency) {
        return jdbc.sql("""
                        update accounts set balance = balance + :amount
                        where customer_id = :customer and currency = :currency
                        returning balance
                        """)
                .param("amount", amount)
                .param("customer", customerId)
                .param("currency", currency)
                .query(BigDecimal.class)
                .optional();
    }

    private static Account account(ResultSet rs, int rowNum) throws SQLException {
        return new Account(
                rs.getString("customer_id"),
                rs.getBigDecimal("balance"),
                rs.getString("currency"),
                rs.getTimestamp("created_at").toInstant());
    }
}
