package dev.orderflow.fulfillment.delivery;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The deliveries; every statement that carries a guarantee written out. */
public interface Deliveries extends Repository<StoredDelivery, Long> {

    /**
     * Records a delivery of a live event unless it exists: a redelivered event creates no second one.
     *
     * @return 1 when recorded, 0 when it existed
     */
    @Modifying
    @Query(value = """
            insert into deliveries (event_id, rule_name, target_id, target, input, matched_rules, event_time,
                                    traceparent)
            values (:eventId, :ruleName, :targetId, cast(:target as jsonb), :input, cast(:matchedRules as varchar[]),
                    :eventTime, :traceparent)
            on conflict (event_id, rule_name, target_id, replay_name) do nothing
            """, nativeQuery = true)
    int record(
            @Param("eventId") String eventId,
            @Param("ruleName") String ruleName,
            @Param("targetId") String targetId,
            @Param("target") String target,
            @Param("input") String input,
            @Param("matchedRules") String[] matchedRules,
            @Param("eventTime") Instant eventTime,
            @Param("traceparent") String traceparent);

    /**
     * Locks the deliveries due first, at most {@code limit}, skipping those another transaction holds, so that
     * dispatchers in any number of instances never deliver one at once; the locks last until the caller's transaction
     * ends.
     */
    @Query(value = """
            select * from deliveries
            where status = 'PENDING' and next_attempt_at <= :now
            order by next_attempt_at, id
            limit :limit
            for update skip locked
            """, nativeQuery = true)
    List<StoredDelivery> lockDue(@Param("now") Instant now, @Param("limit") int limit);

    @Modifying
    @Query(value = """
            update deliveries set status = 'DELIVERED', attempts = attempts + 1, finished_at = :now
            where id = :id and status = 'PENDING'
            """, nativeQuery = true)
    int markDelivered(@Param("id") long id, @Param("now") Instant now);

    @Modifying
    @Query(value = """
            update deliveries set attempts = attempts + 1, last_error = :error, next_attempt_at = :retryAt
            where id = :id and status = 'PENDING' and attempts = :attempts
            """, nativeQuery = true)
    int markRetry(
            @Param("id") long id,
            @Param("attempts") int attempts,
            @Param("error") @Nullable String error,
            @Param("retryAt") Instant retryAt);

    /** Gives the delivery up; the dead-letter relay then publishes it to {@code fulfillment-dlt}. */
    @Modifying
    @Query(value = """
            update deliveries set status = 'FAILED', attempts = attempts + 1, last_error = :error, finished_at = :now
            where id = :id and status = 'PENDING' and attempts = :attempts
            """, nativeQuery = true)
    int markFailed(
            @Param("id") long id,
            @Param("attempts") int attempts,
            @Param("error") @Nullable String error,
            @Param("now") Instant now);

    /** Due again later without counting an attempt. */
    @Modifying
    @Query(value = """
            update deliveries set next_attempt_at = :until where id = :id and status = 'PENDING' and attempts = :attempts
            """, nativeQuery = true)
    int postpone(@Param("id") long id, @Param("attempts") int attempts, @Param("until") Instant until);

    /** Given-up deliveries whose dead letter is not yet acknowledged, locked for the caller's transaction. */
    @Query(value = """
            select * from deliveries
            where status = 'FAILED' and dead_lettered_at is null
            order by id
            limit :limit
            for update skip locked
            """, nativeQuery = true)
    List<StoredDelivery> lockUndeadLettered(@Param("limit") int limit);

    @Modifying
    @Query(value = "update deliveries set dead_lettered_at = :now where id in (:ids)", nativeQuery = true)
    int markDeadLettered(@Param("ids") List<Long> ids, @Param("now") Instant now);

    /** The deliveries of the given events, in the order they were recorded. */
    @Query(value = "select * from deliveries where event_id in (:eventIds) order by id", nativeQuery = true)
    List<StoredDelivery> findByEvents(@Param("eventIds") List<String> eventIds);

    /** A rule's deliveries, newest first. */
    @Query(value = "select * from deliveries where rule_name = :rule order by id desc limit :limit", nativeQuery = true)
    List<StoredDelivery> findByRule(@Param("rule") String rule, @Param("limit") int limit);

    /** An event's deliveries, oldest first. */
    @Query(value = "select * from deliveries where event_id = :eventId order by id", nativeQuery = true)
    List<StoredDelivery> findByEvent(@Param("eventId") String eventId);
}
