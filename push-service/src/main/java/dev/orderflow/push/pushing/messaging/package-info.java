/** What pushes hear from Kafka: the outcome of every order's payment, and every dispatched order. */
package dev.orderflow.push.pushing.messaging;
