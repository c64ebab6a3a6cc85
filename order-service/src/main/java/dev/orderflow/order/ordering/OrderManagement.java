package dev.orderflow.order.ordering;

import dev.orderflow.order.catalog.Products;
import dev.orderflow.platform.outbox.Outbox;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The use cases of orders: place one, read them, and settle one when billing reports the payment's outcome. */
@Service
public class OrderManagement {

    private static final Logger log = LoggerFactory.getLogger(OrderManagement.class);

    private final Orders orders;
    private final Products products;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    OrderManagement(Orders orders, Products products, Outbox outbox, PlatformTransactionManager transactions) {
        this.orders = orders;
        this.products = products;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** An order that {@link #place} created, or found already placed under the request's idempotency key. */
    public record Placement(Order order, boolean replayed) {}

    /**
     * Prices and stores the order and publishes {@code OrderCreated} in the same transaction. With an idempotency key
     * that was used before for the same request, returns the first order instead, even when both requests race.
     *
     * @throws InvalidOrderException when a product is unknown
     * @throws IdempotencyKeyReusedException when the key was used for a different request
     */
    public Placement place(PlaceOrder request) {
        try {
            return transactions.execute(status -> placeOnce(request));
        } catch (DuplicateKeyException raced) {
            // Another request with the same idempotency key committed first: answer with its order.
            return transactions.execute(status -> replay(request).orElseThrow(() -> raced));
        }
    }

    private Placement placeOnce(PlaceOrder request) {
        Optional<Placement> replay = replay(request);
        if (replay.isPresent()) {
            return replay.get();
        }
        List<String> codes = request.lines().stream()
                .map(PlaceOrder.Line::productCode)
                .distinct()
                .toList();
        Order order = Order.price(request, products.findByCodes(codes));
        orders.insert(order, request.idempotencyKey(), request.fingerprint());
        outbox.publish(order.created());
        return new Placement(order, false);
    }

    private Optional<Placement> replay(PlaceOrder request) {
        if (request.idempotencyKey() == null) {
            return Optional.empty();
        }
        return orders.findByIdempotencyKey(request.idempotencyKey()).map(first -> {
            if (!first.requestFingerprint().equals(request.fingerprint())) {
                throw new IdempotencyKeyReusedException(request.idempotencyKey());
            }
            return new Placement(orders.findById(first.orderId()).orElseThrow(), true);
        });
    }

    public Order find(UUID orderId) {
        return orders.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
    }

    public List<Order> findByCustomer(String customerId) {
        return orders.findByCustomer(customerId);
    }

    /** Billing charged the order. Runs in the caller's transaction. */
    public void markPaid(UUID orderId) {
        settle(orderId, OrderStatus.PAID, null);
    }

    /** Billing could not charge the order. Runs in the caller's transaction. */
    public void markPaymentFailed(UUID orderId, String reason) {
        settle(orderId, OrderStatus.PAYMENT_FAILED, reason);
    }

    private void settle(UUID orderId, OrderStatus status, String reason) {
        if (!orders.settle(orderId, status, reason)) {
            log.info("Order {} is unknown or no longer pending; ignoring {}", orderId, status);
        }
    }
}
