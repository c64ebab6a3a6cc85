package dev.orderflow.order.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders and their lines. Reads fetch an order with its lines and their products in one query; a new order is written
 * in one statement ({@link NewOrders}).
 */
public interface Orders extends Repository<Order, UUID>, NewOrders {

    @Query("select o from Order o join fetch o.lines l join fetch l.product where o.orderId = :orderId")
    Optional<Order> findWithLines(@Param("orderId") UUID orderId);

    /** The order's status, when there is such an order. */
    @Query("select o.status from Order o where o.orderId = :orderId")
    Optional<OrderStatus> findStatus(@Param("orderId") UUID orderId);

    /** A customer's orders, newest first. */
    @Query("""
            select o from Order o join fetch o.lines l join fetch l.product
            where o.customerId = :customerId
            order by o.createdAt desc, o.orderId
            """)
    List<Order> findByCustomer(@Param("customerId") String customerId);

    /** The order first placed with this idempotency key, with the fingerprint of the request that placed it. */
    @Query("select o.orderId as orderId, o.requestFingerprint as requestFingerprint from Order o"
            + " where o.idempotencyKey = :key")
    Optional<Keyed> findByIdempotencyKey(@Param("key") String key);

    record Keyed(UUID orderId, @Nullable String requestFingerprint) {}

    /** The ids of pending orders placed before {@code placedBefore}, oldest first (a partial index keeps this small). */
    @Query(nativeQuery = true, value = """
            select order_id from orders
            where status = 'PENDING' and created_at < :placedBefore
            order by created_at
            limit :limit
            """)
    List<UUID> findPendingPlacedBefore(@Param("placedBefore") Instant placedBefore, @Param("limit") int limit);

    /**
     * Moves the order to {@code next} if it is in a status that leads there ({@link OrderStatus#from()}).
     *
     * @return false when the order is unknown or not in a status that leads to {@code next}
     */
    default boolean move(UUID orderId, OrderStatus next, @Nullable String failureReason) {
        String[] from = next.from().stream().map(OrderStatus::name).toArray(String[]::new);
        return move(orderId, from, next.name(), failureReason) == 1;
    }

    /**
     * Moves the order from one status to another and counts the change in {@code version}. The check and the change
     * are one statement: of two racing or repeated events, the second waits for the first's row lock, then finds the
     * order moved and changes nothing. The statuses are one array parameter, so that the statement's text is the same
     * whatever their number and is prepared once.
     *
     * @return 1 when the order moved, else 0
     */
    @Modifying
    @Transactional
    @Query(nativeQuery = true, value = """
            update orders set status = :to, failure_reason = :reason, version = version + 1
            where order_id = :orderId and status = any(cast(:from as varchar[]))
            """)
    int move(
            @Param("orderId") UUID orderId,
            @Param("from") String[] from,
            @Param("to") String to,
            @Param("reason") @Nullable String failureReason);
}
