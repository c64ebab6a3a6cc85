package dev.orderflow.billing.payments.web;

import dev.orderflow.billing.accounts.Account;
import dev.orderflow.billing.payments.Charge;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/** The body of {@code POST /payments}: charge this order's amount to this customer's account. */
record PaymentRequest(
        @NotNull UUID orderId,

        @NotBlank
        @Size(max = Account.CUSTOMER_ID_MAX_LENGTH)
        @Pattern(regexp = Account.CUSTOMER_ID_PATTERN, message = Account.CUSTOMER_ID_MESSAGE)
        String customerId,

        @NotNull @DecimalMin(value = "0.01") @Digits(integer = 17, fraction = 2)
        BigDecimal amount) {

    Charge toCharge() {
        return Charge.of(orderId, customerId, amount);
    }
}
