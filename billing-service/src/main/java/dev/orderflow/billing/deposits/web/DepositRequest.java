package dev.orderflow.billing.deposits.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** The body of {@code POST /accounts/{customerId}/deposits}: a positive amount with at most two decimals. */
record DepositRequest(
        @Schema(description = "more than zero, at most two decimals", example = "100.00")
        @NotNull
        @DecimalMin(value = "0.01")
        @Digits(integer = 17, fraction = 2)
        BigDecimal amount) {}
