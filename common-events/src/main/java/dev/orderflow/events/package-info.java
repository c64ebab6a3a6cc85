/**
 * The Kafka contract of orderflow: one record per event, one sealed interface per topic, and the CloudEvents
 * wire format that every service reads and writes.
 */
package dev.orderflow.events;
