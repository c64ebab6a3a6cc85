package dev.orderflow.billing.accounts.web;

import dev.orderflow.billing.accounts.Account;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /accounts}. */
record OpenAccountRequest(
        @NotBlank
        @Size(max = Account.CUSTOMER_ID_MAX_LENGTH)
        @Pattern(regexp = Account.CUSTOMER_ID_PATTERN, message = Account.CUSTOMER_ID_MESSAGE)
        String customerId) {}
