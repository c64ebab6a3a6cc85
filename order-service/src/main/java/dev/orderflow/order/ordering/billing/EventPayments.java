package dev.orderflow.order.ordering.billing;

import dev.orderflow.events.OrderCreated;
import dev.orderflow.order.ordering.Order;
import dev.orderflow.order.ordering.PaymentOutcome;
import dev.orderflow.order.ordering.Payments;
import dev.orderflow.platform.interaction.ConditionalOnInteraction;
import dev.orderflow.platform.interaction.Interaction;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Style III: the order's {@code OrderCreated} goes to billing through the outbox, in the order's statement; the
 * outcome comes back on {@code payment} (see {@code PaymentEventsListener}).
 */
@Component
@ConditionalOnInteraction(Interaction.EVENTS)
class EventPayments implements Payments {

    @Override
    public Optional<OrderCreated> paymentRequest(Order order) {
        return Optional.of(order.created());
    }

    @Override
    public Optional<PaymentOutcome> settle(Order order) {
        return Optional.empty();
    }
}
