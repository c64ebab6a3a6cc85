package dev.orderflow.billing.deposits.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** The body of {@code POST /accounts/{customerId}/deposits}: a positive amount with at most two decimals. */
record DepositRequest(
        @NotNull @DecimalMin(value = "0.01") @Digits(integer = 17, fraction = 2)
        BigDecimal amount) {}
