package dev.orderflow.order.ordering;

import dev.orderflow.order.catalog.Catalog;
import dev.orderflow.order.ordering.NewOrders.NewOrder;
import dev.orderflow.platform.outbox.Outbox;
import dev.orderflow.platform.work.GroupCommit;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The use cases of orders: place one, read them, settle one when billing reports the payment's outcome, and mark one
 * dispatched when fulfilment reports it.
 */
@Service
public class OrderManagement {

    private static final Logger log = LoggerFactory.getLogger(OrderManagement.class);

    private final Orders orders;
    private final Catalog catalog;
    private final Payments payments;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final @Nullable GroupCommit<NewOrder> newOrders;

    OrderManagement(
            Orders orders,
            Catalog catalog,
            Payments payments,
            Outbox outbox,
            TransactionTemplate transactions,
            ObjectProvider<GroupCommit<NewOrder>> newOrders) {
        this.orders = orders;
        this.catalog = catalog;
        this.payments = payments;
        this.outbox = outbox;
        this.transactions = transactions;
        this.newOrders = newOrders.getIfAvailable();
    }

    /** An order that {@link #place} created, or found already placed under the request's idempotency key. */
    public record Placement(Order order, boolean replayed) {}

    /**
     * Prices and stores the order with the event that asks for its payment ({@link Payments#paymentRequest}), if any,
     * then settles it if the interaction style pays synchronously. In a transaction of the caller's, the order is
     * written in it; otherwise in one shared with the orders placed at the same time ({@link OrderWrites}). With an
     * idempotency key that was used before for the same request, returns the first order instead, even when both
     * requests race; a first order still pending is settled again.
     *
     * @throws InvalidOrderException when a product is unknown
     * @throws IdempotencyKeyReusedException when the key was used for a different request
     * @throws PaymentUnavailableException when the order is stored but billing did not answer (it stays pending), or
     *     when billing is known to be unavailable (nothing is stored)
     */
    public Placement place(PlaceOrder request) {
        payments.checkAvailable();
        Placement placement;
        try {
            placement = placeOnce(request);
        } catch (DataIntegrityViolationException raced) {
            // Another request with the same idempotency key committed first (the unique key refused this one's insert):
            // answer with its order.
            placement = transactions.execute(status -> replay(request).orElseThrow(() -> raced));
        }
        return new Placement(settle(placement.order()), placement.replayed());
    }

    /**
     * Settles a pending order if the interaction style pays synchronously, asking billing again with the same order
     * id: billing charges an order once, so a repeat after a lost answer learns the first outcome.
     *
     * @return the order as it is now
     * @throws PaymentUnavailableException when billing did not answer; the order stays pending
     */
    public Order settle(Order order) {
        if (order.status() != OrderStatus.PENDING) {
            return order;
        }
        return payments.settle(order)
                .map(outcome -> {
                    if (outcome.paid()) {
                        markPaid(order.orderId());
                    } else {
                        markPaymentFailed(order.orderId(), outcome.failureReason());
                    }
                    return find(order.orderId());
                })
                .orElse(order);
    }

    /** The pending orders placed before {@code placedBefore}, oldest first, at most {@code limit}. */
    public List<Order> pendingSince(Instant placedBefore, int limit) {
        return orders.findPendingPlacedBefore(placedBefore, limit).stream()
                .flatMap(id -> orders.findWithLines(id).stream())
                .toList();
    }

    private Placement placeOnce(PlaceOrder request) {
        Optional<Placement> replay =
                request.idempotencyKey() == null ? Optional.empty() : transactions.execute(status -> replay(request));
        if (replay.isPresent()) {
            return replay.get();
        }
        List<String> codes = request.lines().stream()
                .map(PlaceOrder.Line::productCode)
                .distinct()
                .toList();
        Order order = Order.price(request, catalog.findByCodes(codes));
        NewOrder write = new NewOrder(
                order, payments.paymentRequest(order).map(outbox::prepare).orElse(null));
        if (newOrders != null && !TransactionSynchronizationManager.isActualTransactionActive()) {
            newOrders.submit(write);
        } else {
            transactions.executeWithoutResult(status -> orders.insertAll(List.of(write)));
        }
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
            return new Placement(orders.findWithLines(first.orderId()).orElseThrow(), true);
        });
    }

    public Order find(UUID orderId) {
        return orders.findWithLines(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
    }

    public List<Order> findByCustomer(String customerId) {
        return orders.findByCustomer(customerId);
    }

    /**
     * The problems the catalog finds with a request that has other problems too, so that a client hears of all of
     * them at once: each line whose product is unknown.
     *
     * @param productCodes the product of each line, in line order; {@code null} where a line names none that could be
     *     looked up
     */
    public List<InvalidOrderException.LineProblem> unknownProducts(List<String> productCodes) {
        List<String> codes =
                productCodes.stream().filter(Objects::nonNull).distinct().toList();
        return Order.unknownProducts(productCodes, catalog.findByCodes(codes));
    }

    /** Billing charged the order. Runs in the caller's transaction. */
    public void markPaid(UUID orderId) {
        move(orderId, OrderStatus.PAID, null);
    }

    /** Billing could not charge the order. Runs in the caller's transaction. */
    public void markPaymentFailed(UUID orderId, String reason) {
        move(orderId, OrderStatus.PAYMENT_FAILED, reason);
    }

    /** Fulfilment dispatched the order, paid even if its OrderPaid has not arrived yet. Runs in the caller's transaction. */
    public void markDispatched(UUID orderId) {
        move(orderId, OrderStatus.DISPATCHED, null);
    }

    private void move(UUID orderId, OrderStatus next, String reason) {
        if (!orders.move(orderId, next, reason)) {
            // e.g. in the HTTP styles an OrderPaid arrives for an order that billing's answer already made PAID
            orders.findStatus(orderId)
                    .ifPresentOrElse(
                            status -> log.info("Order {} is already {}; ignoring {}", orderId, status, next),
                            () -> log.info("Order {} is unknown; ignoring {}", orderId, next));
        }
    }
}
