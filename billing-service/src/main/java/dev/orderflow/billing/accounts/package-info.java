/** Customer accounts and their balances: the only place a balance changes, always by one atomic statement. */
@NullMarked
package dev.orderflow.billing.accounts;

import org.jspecify.annotations.NullMarked;
