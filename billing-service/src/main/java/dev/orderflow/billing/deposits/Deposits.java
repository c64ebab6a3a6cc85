package dev.orderflow.billing.deposits;

import dev.orderflow.events.DepositRequested;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deposits table: each deposit is REQUESTED, then ACCEPTED once. */
@Repository
public class Deposits {

    private final JdbcClient jdbc;

    Deposits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What an accepted deposit adds to which account. */
    record Accepted(String customerId, BigDecimal amount, String currency) {}

    void insertRequested(DepositRequested deposit) {
        jdbc.sql("""
                        insert into deposits (deposit_id, customer_id, amount, currency, status, requested_at)
                        values (:id, :customer, :amount, :currency, 'REQUESTED', :now)
                        """)
                .param("id", deposit.depositId())
                .param("customer", deposit.customerId())
                .param("amount", deposit.amount())
                .param("currency", deposit.currency())
                .param("now", now())
                .update();
    }

    /**
     * Moves the deposit from REQUESTED to ACCEPTED, in one statement that also takes the row lock, so that two
     * deliveries of it cannot both accept it. A deposit this service has no row for (requested on Kafka by someone
     * else) is recorded as accepted straight away.
     *
     * @return what to credit, as the deposit row says; empty when the deposit was accepted before
     */
    Optional<Accepted> accept(DepositRequested deposit) {
        Timestamp now = now();
        return jdbc.sql("""
                        insert into deposits (deposit_id, customer_id, amount, currency, status, requested_at, accepted_at)
                        values (:id, :customer, :amount, :currency, 'ACCEPTED', :now, :now)
                        on conflict (deposit_id) do update set status = 'ACCEPTED', accepted_at = excluded.accepted_at
                        where deposits.status = 'REQUESTED'
                        returning customer_id, amount, currency
                        """)
                .param("id", deposit.depositId())
                .param("customer", deposit.customerId())
                .param("amount", deposit.amount())
                .param("currency", deposit.currency())
                .param("now", now)
                .query((rs, n) ->
                        new Accepted(rs.getString("customer_id"), rs.getBigDecimal("amount"), rs.getString("currency")))
                .optional();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
