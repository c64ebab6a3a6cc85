/** What orders hear from Kafka: the outcome of their payment, and their dispatch. */
package dev.orderflow.order.ordering.messaging;
