/** What pushes hear from Kafka: the outcome of every order's payment, and every dispatched order. */
@NullMarked
package dev.orderflow.push.pushing.messaging;

import org.jspecify.annotations.NullMarked;
