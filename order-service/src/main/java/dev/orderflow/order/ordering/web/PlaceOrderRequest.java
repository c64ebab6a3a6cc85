package dev.orderflow.order.ordering.web;

import dev.orderflow.order.ordering.PlaceOrder;
import dev.orderflow.platform.web.CustomerId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** The body of {@code POST /orders}. Prices are the server's: a client names products and quantities only. */
@Schema(
        example = "{\"customerId\": \"alice\", \"location\": \"us-east\", \"items\": [{\"productCode\": \"pencil\","
                + " \"quantity\": 2}]}")
record PlaceOrderRequest(
        @CustomerId String customerId,

        @Schema(description = "where the order goes; fulfilment rules route on it (us-..., eu-...)")
        @NotBlank
        @Size(max = 64)
        String location,

        @NotEmpty @Size(max = MAX_ITEMS) List<@Valid @NotNull Item> items) {

    static final int MAX_ITEMS = 100;

    @Schema(name = "PlaceOrderLine")
    record Item(
            @NotBlank @Size(max = 64) String productCode,
            @NotNull @Min(1) @Max(10_000) Integer quantity) {}

    /**
     * The product code of each line, in line order, {@code null} where there is none to look up in the catalog (no
     * line, no code, or a code that is already invalid by itself); none when there are too many lines to look up.
     */
    List<String> productCodesToLookUp(IntPredicate alreadyInvalid) {
        if (items == null || items.size() > MAX_ITEMS) {
            return List.of();
        }
        List<String> codes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            boolean usable = item != null && item.productCode() != null && !alreadyInvalid.test(i);
            codes.add(usable ? item.productCode() : null);
        }
        return codes;
    }

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
