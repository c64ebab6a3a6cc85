package dev.orderflow.billing.accounts.web;

import dev.orderflow.billing.accounts.Account;
import java.math.BigDecimal;

/** An account as the API shows it. */
record AccountView(String customerId, BigDecimal balance, String currency) {

    static AccountView of(Account account) {
        return new AccountView(account.customerId(), account.balance(), account.currency());
    }
}
