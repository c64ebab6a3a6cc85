/** Kafka wiring shared by every service: event (de)serialization, topics, retries and dead-letter topics. */
@NullMarked
package dev.orderflow.platform.kafka;

import org.jspecify.annotations.NullMarked;
