package dev.orderflow.billing.payments;

import dev.orderflow.events.OrderCreated;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an order is, beyond its amount: where it goes and what is in it. Billing does not keep it; it copies it from the
 * request to charge into {@code OrderPaid}, so that fulfilment can route the paid order.
 *
 * @param location {@code null} when the request named none
 */
public record OrderDetails(@Nullable String location, List<OrderCreated.Item> items) {

    /** A charge that names no order details, e.g. a {@code POST /payments} without them. */
    public static final OrderDetails NONE = new OrderDetails(null, List.of());

    public OrderDetails {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** The details of the order that {@code OrderCreated} announced. */
    public static OrderDetails of(OrderCreated order) {
        return new OrderDetails(order.location(), order.items());
    }
}
