package dev.orderflow.billing.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The charges table: at most one charge per order, its primary key. */
@Repository
public class Charges {

    private final JdbcClient jdbc;

    Charges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the order for this charge. A concurrent claim of the same order waits for this transaction and then
     * finds the order taken.
     *
     * @return false when the order was charged before
     */
    boolean claim(Charge charge) {
        return jdbc.sql("""
                                insert into charges (order_id, customer_id, amount, currency, status, created_at)
                                values (:order, :customer, :amount, :currency, 'CHARGING', :now)
                                on conflict (order_id) do nothing
                                """)
                        .param("order", charge.orderId())
                        .param("customer", charge.customerId())
                        .param("amount", charge.amount())
                        .param("currency", charge.currency())
                        .param("now", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
                        .update()
                == 1;
    }

    /** Writes the outcome of the charge this transaction claimed. */
    void record(ChargeOutcome outcome) {
        int updated = jdbc.sql("""
                        update charges set status = :status, reason = :reason, balance_after = :balance
                        where order_id = :order and status = 'CHARGING'
                        """)
                .param("status", outcome.status().name())
                .param("reason", outcome.reason())
                .param("balance", outcome.balance())
                .param("order", outcome.charge().orderId())
                .update();
        if (updated != 1) {
            throw new IllegalStateException(
                    "charge of order " + outcome.charge().orderId() + " was not claimed");
        }
    }

    /** The outcome of the order's charge, if it was charged. */
    Optional<ChargeOutcome> find(UUID orderId) {
        return jdbc.sql("""
                        select order_id, customer_id, amount, currency, status, reason, balance_after
                        from charges where order_id = ?
                        """).param(orderId).query(Charges::outcome).optional();
    }

    private static ChargeOutcome outcome(ResultSet rs, int rowNum) throws SQLException {
        Charge charge = new Charge(
                rs.getObject("order_id", UUID.class),
                rs.getString("customer_id"),
                rs.getBigDecimal("amount"),
                rs.getString("currency"));
        return new ChargeOutcome(
                charge,
                ChargeStatus.valueOf(rs.getString("status")),
                rs.getString("reason"),
                rs.getBigDecimal("balance_after"),
                false);
    }
}
