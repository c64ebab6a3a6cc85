package dev.orderflow.order.ordering.web;

import dev.orderflow.order.ordering.PlaceOrder;
import dev.orderflow.platform.web.CustomerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /orders}. Prices are the server's: a client names products and quantities only. */
record PlaceOrderRequest(
        @CustomerId String customerId,

        @NotBlank @Size(max = 64) String location,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull Item> items) {

    record Item(
            @NotBlank @Size(max = 64) String productCode,
            @NotNull @Min(1) @Max(10_000) Integer quantity) {}

    PlaceOrder toCommand(String idempotencyKey) {
        return new PlaceOrder(
                customerId,
                location,
                items.stream()
                        .map(item -> new PlaceOrder.Line(item.productCode(), item.quantity()))
                        .toList(),
                idempotencyKey);
    }
}
