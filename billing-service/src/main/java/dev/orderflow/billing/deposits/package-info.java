/** Deposits: requested over HTTP, travelling as DepositRequested on Kafka, applied to the balance exactly once. */
package dev.orderflow.billing.deposits;
