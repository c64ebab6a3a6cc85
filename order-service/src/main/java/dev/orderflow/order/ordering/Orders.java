package dev.orderflow.order.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Orders and their lines. Reads fetch an order with its lines and their products in one query; a new order is written
 * in one statement ({@link NewOrders}), and moved from one status to the next in another ({@link OrderMoves}).
 */
public interface Orders extends Repository<Order, UUID>, NewOrders, OrderMoves {

    @Query("select o from Order o join fetch o.lines l join fetch l.product where o.orderId = :orderId")
    Optional<Order> findWithLines(@Param("orderId") UUID orderId);

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
}
