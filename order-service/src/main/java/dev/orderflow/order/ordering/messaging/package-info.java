/** What orders hear from Kafka: the outcome of their payment, and their dispatch. */
@NullMarked
package dev.orderflow.order.ordering.messaging;

import org.jspecify.annotations.NullMarked;
