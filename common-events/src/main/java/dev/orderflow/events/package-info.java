/**
 * The Kafka contract of orderflow: one record per event, one sealed interface per topic, and the CloudEvents
 * wire format that every service reads and writes.
 */
@NullMarked
package dev.orderflow.events;

import org.jspecify.annotations.NullMarked;
