package dev.orderflow.billing.payments.web;

import dev.orderflow.billing.payments.Charge;
import dev.orderflow.billing.payments.OrderDetails;
import dev.orderflow.events.OrderCreated;
import dev.orderflow.platform.web.CustomerId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code POST /payments}: charge this order's amount to this customer's account. The order's
 * {@code location} and {@code items} are optional; when given, {@code OrderPaid} carries them, as it does for an order
 * charged from its {@code OrderCreated}.
 */
record PaymentRequest(
        @NotNull UUID orderId,

        @CustomerId String customerId,

        @NotNull @DecimalMin(value = "0.01") @Digits(integer = 17, fraction = 2)
        BigDecimal amount,

        @Size(min = 1, max = 64) @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters")
        String location,

        @Size(max = 100) List<@Valid @NotNull Item> items) {

    /** A payment that names no order details. */
    PaymentRequest(UUID orderId, String customerId, BigDecimal amount) {
        this(orderId, customerId, amount, null, null);
    }

    /** One line of the order, at the price it was ordered at. */
    @Schema(name = "PaymentLine")
    record Item(
            @NotBlank @Size(max = 64) @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters")
            String productCode,

            @NotNull @Min(1) @Max(10_000) Integer quantity,

            @NotNull @DecimalMin(value = "0.00") @Digits(integer = 17, fraction = 2)
            BigDecimal unitPrice) {}

    Charge toCharge() {
        return Charge.of(orderId, customerId, amount);
    }

    OrderDetails orderDetails() {
        return new OrderDetails(
                location,
                items == null
                        ? List.of()
                        : items.stream()
                                .map(item ->
                                        new OrderCreated.Item(item.productCode(), item.quantity(), item.unitPrice()))
                                .toList());
    }
}
