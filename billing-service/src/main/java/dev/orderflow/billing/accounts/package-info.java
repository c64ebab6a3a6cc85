/** Customer accounts and their balances: the only place a balance changes, always by one atomic statement. */
package dev.orderflow.billing.accounts;
