package dev.orderflow.billing.accounts.web;

import dev.orderflow.billing.accounts.Account;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** An account as the API shows it. */
@Schema(name = "Account")
record AccountView(
        @Schema(example = "alice") String customerId,

        @Schema(description = "an exact decimal, two places", example = "100.00")
        BigDecimal balance,

        @Schema(example = "USD") String currency) {

    static AccountView of(Account account) {
        return new AccountView(account.customerId(), account.balance(), account.currency());
    }
}
