package dev.orderflow.fulfillment.targets.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The dispatched orders. */
public interface Dispatches extends Repository<Dispatch, UUID> {

    /**
     * Stores the order unless it is stored already.
     *
     * @return 1 when stored now, 0 when it was stored before (by an earlier delivery, another event or a replay)
     */
    @Modifying
    @Query(value = """
            insert into dispatches (order_id, customer_id, location, items, total, currency, matched_rules, route,
                                    event_id, dispatched_at)
            values (:orderId, :customerId, :location, cast(:items as jsonb), :total, :currency,
                    cast(:matchedRules as varchar[]), :route, :eventId, :dispatchedAt)
            on conflict (order_id) do nothing
            """, nativeQuery = true)
    int store(
            @Param("orderId") UUID orderId,
            @Param("customerId") String customerId,
            @Param("location") @Nullable String location,
            @Param("items") String items,
            @Param("total") BigDecimal total,
            @Param("currency") String currency,
            @Param("matchedRules") String[] matchedRules,
            @Param("route") String route,
            @Param("eventId") String eventId,
            @Param("dispatchedAt") Instant dispatchedAt);

    Optional<Dispatch> findById(UUID orderId);
}
