/** What notifications hear from Kafka: the outcome of every payment and deposit, and every dispatched order. */
package dev.orderflow.notification.notifying.messaging;
