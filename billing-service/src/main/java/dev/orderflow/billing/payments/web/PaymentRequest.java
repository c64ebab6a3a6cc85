package dev.orderflow.billing.payments.web;

import dev.orderflow.billing.payments.Charge;
import dev.orderflow.platform.web.CustomerId;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.UUID;

/** The body of {@code POST /payments}: charge this order's amount to this customer's account. */
record PaymentRequest(
        @NotNull UUID orderId,

        @CustomerId String customerId,

        @NotNull @DecimalMin(value = "0.01") @Digits(integer = 17, fraction = 2)
        BigDecimal amount) {

    Charge toCharge() {
        return Charge.of(orderId, customerId, amount);
    }
}
