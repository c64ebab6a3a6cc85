/** Kafka wiring shared by every service: event (de)serialization, topics, retries and dead-letter topics. */
package dev.orderflow.platform.kafka;
