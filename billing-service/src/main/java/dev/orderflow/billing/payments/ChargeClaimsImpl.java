package dev.orderflow.billing.payments;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ChargeClaims} as one native statement over {@link JdbcClient}: it runs once per order, where a {@code @Query}
 * method would cost several times the statement's own work in the repository's and Hibernate's per-call machinery
 * (docs/adr/0005).
 */
class ChargeClaimsImpl implements ChargeClaims {

    private static final String CLAIM_AND_DEBIT = """
            with claimed as (
                insert into charges (order_id, customer_id, amount, currency, status, created_at)
                values (:orderId, :customerId, :amount, :currency, 'CHARGING', :now)
                on conflict (order_id) do nothing
                returning order_id),
            debited as (
                update accounts set balance = balance - :amount
                where customer_id = :customerId and currency = :currency and balance >= :amount
                  and exists (select from claimed)
                returning balance)
            select exists (select from claimed) as claimed, (select balance from debited) as balance
            """;

    private final JdbcClient jdbc;

    ChargeClaimsImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Claim claimAndDebit(Charge charge) {
        return jdbc.sql(CLAIM_AND_DEBIT)
                .param("orderId", charge.orderId())
                .param("customerId", charge.customerId())
                .param("amount", charge.amount())
                .param("currency", charge.currency())
                .param("now", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
                .query((rs, row) -> new Claim(rs.getBoolean("claimed"), rs.getObject("balance", BigDecimal.class)))
                .single();
    }
}
