/** What pushes hear from Kafka: the outcome of every order's payment. */
package dev.orderflow.push.pushing.messaging;
