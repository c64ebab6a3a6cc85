/** What orders hear from Kafka: the outcome of their payment. */
package dev.orderflow.order.ordering.messaging;
