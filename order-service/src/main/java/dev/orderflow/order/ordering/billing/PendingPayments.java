package dev.orderflow.order.ordering.billing;

import dev.orderflow.order.ordering.Order;
import dev.orderflow.order.ordering.OrderManagement;
import dev.orderflow.order.ordering.PaymentUnavailableException;
import dev.orderflow.platform.interaction.ConditionalOnInteraction;
import dev.orderflow.platform.interaction.Interaction;
import dev.orderflow.platform.work.BackgroundWorker;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Styles I and II: settles the orders that stayed pending because billing did not answer while they were placed (or
 * because order-service stopped in between), by asking billing again with the same order id. Billing charges an
 * order once, so an order whose charge went through but whose answer was lost learns that outcome and is not charged
 * twice. A round stops at the first order billing still does not answer for, and the next one tries again.
 */
@Component
@ConditionalOnInteraction({Interaction.HTTP, Interaction.MIXED})
class PendingPayments extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(PendingPayments.class);
    private static final int BATCH = 100;

    private final OrderManagement orders;
    private final BillingProperties properties;

    PendingPayments(OrderManagement orders, BillingProperties properties) {
        super("pending-payments", properties.pendingInterval(), properties.pendingInterval());
        this.orders = orders;
        this.properties = properties;
    }

    @Override
    protected void work() {
        int settled;
        do {
            settled = 0;
            for (Order order : orders.pendingSince(Instant.now().minus(properties.pendingAfter()), BATCH)) {
                if (!isRunning()) {
                    return;
                }
                try {
                    orders.settle(order);
                    settled++;
                } catch (PaymentUnavailableException e) {
                    log.info("Pending orders wait for billing: {}", e.getMessage());
                    return;
                }
            }
        } while (settled == BATCH);
    }
}
