/**
 * What billing hears from Kafka: the one consumer of the {@code billing} topic, which hands OrderCreated to charging
 * and DepositRequested to deposits, each event once.
 */
@NullMarked
package dev.orderflow.billing.messaging;

import org.jspecify.annotations.NullMarked;
