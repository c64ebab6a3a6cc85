/** Deposits: requested over HTTP, travelling as DepositRequested on Kafka, applied to the balance exactly once. */
@NullMarked
package dev.orderflow.billing.deposits;

import org.jspecify.annotations.NullMarked;
