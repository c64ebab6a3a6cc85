/** The local stack's own launchers: what bin/stack runs besides the real Kafka broker and the services. */
package dev.orderflow.stack;
