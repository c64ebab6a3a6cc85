package dev.orderflow.billing.deposits;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The deposits: each deposit is REQUESTED, then ACCEPTED once. */
public interface Deposits extends Repository<Deposit, UUID> {

    /** Stores a requested deposit; the row is written when the transaction flushes, at the latest on commit. */
    Deposit save(Deposit deposit);

    /**
     * Moves the deposit from REQUESTED to ACCEPTED, in one statement that also takes the row lock, so that two
     * deliveries of it cannot both accept it. A deposit this service has no row for (requested on Kafka by someone
     * else) is recorded as accepted straight away. Runs in the caller's transaction: the one that credits the account.
     *
     * @return the accepted deposit as its row says (what to credit to which account); empty when it was accepted before
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @Query(nativeQuery = true, value = """
            insert into deposits (deposit_id, customer_id, amount, currency, status, requested_at, accepted_at)
            values (:depositId, :customerId, :amount, :currency, 'ACCEPTED', :now, :now)
            on conflict (deposit_id) do update set status = 'ACCEPTED', accepted_at = excluded.accepted_at
            where deposits.status = 'REQUESTED'
            returning *
            """)
    Optional<Deposit> accept(
            @Param("depositId") UUID depositId,
            @Param("customerId") String customerId,
            @Param("amount") BigDecimal amount,
            @Param("currency") String currency,
            @Param("now") Instant now);
}
