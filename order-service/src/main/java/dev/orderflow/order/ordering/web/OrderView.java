package dev.orderflow.order.ordering.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderflow.order.ordering.Order;
import dev.orderflow.order.ordering.OrderLine;
import dev.orderflow.order.ordering.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OrderView(
        UUID orderId,
        String customerId,
        String location,
        OrderStatus status,
        String failureReason,
        BigDecimal total,
        String currency,
        List<Item> items,
        Instant createdAt) {

    record Item(String productCode, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {

        static Item of(OrderLine line) {
            return new Item(line.productCode(), line.name(), line.quantity(), line.unitPrice(), line.lineTotal());
        }
    }

    static OrderView of(Order order) {
        return new OrderView(
                order.orderId(),
                order.customerId(),
                order.location(),
                order.status(),
                order.failureReason(),
                order.total(),
                order.currency(),
                order.lines().stream().map(Item::of).toList(),
                order.createdAt());
    }
}
