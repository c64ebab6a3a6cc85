/** The idempotent-consumer guard: each event's effect happens once, however often Kafka delivers it. */
package dev.orderflow.platform.inbox;
