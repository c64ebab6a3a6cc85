package dev.orderflow.order.ordering;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;

/** Moving an order from one status to the next: a fragment of {@link Orders}. */
interface OrderMoves {

    /**
     * Moves the order to {@code next} if it is in a status that leads there ({@link OrderStatus#from()}), and counts the
     * change in {@code version}. The check and the change are one statement: of two racing or repeated events, the
     * second waits for the first's row lock, then finds the order moved and changes nothing.
     *
     * @return false when the order is unknown or not in a status that leads to {@code next}
     */
    @Transactional
    boolean move(UUID orderId, OrderStatus next, @Nullable String failureReason);
}
