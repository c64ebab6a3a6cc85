package dev.orderflow.order.ordering.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderflow.order.ordering.Order;
import dev.orderflow.order.ordering.OrderLine;
import dev.orderflow.order.ordering.OrderStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "Order",
        requiredProperties = {"orderId", "customerId", "location", "status", "total", "currency", "items"})
record OrderView(
        UUID orderId,
        @Schema(example = "alice") String customerId,
        @Schema(example = "us-east") String location,
        OrderStatus status,

        @Schema(description = "why the payment failed; only on a PAYMENT_FAILED order", example = "INSUFFICIENT_FUNDS")
        String failureReason,

        @Schema(description = "the sum of the lines, an exact decimal", example = "2.50")
        BigDecimal total,

        @Schema(example = "USD") String currency,
        List<Item> items,
        Instant createdAt) {

    @Schema(name = "OrderLine")
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
