/** What notifications hear from Kafka: the outcome of every payment and deposit. */
package dev.orderflow.notification.notifying.messaging;
