/** What notifications hear from Kafka: the outcome of every payment and deposit, and every dispatched order. */
@NullMarked
package dev.orderflow.notification.notifying.messaging;

import org.jspecify.annotations.NullMarked;
