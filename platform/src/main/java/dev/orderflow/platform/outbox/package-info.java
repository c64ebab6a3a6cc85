/** The transactional outbox: events stored with the state change that caused them, and the relay that publishes them. */
@NullMarked
package dev.orderflow.platform.outbox;

import org.jspecify.annotations.NullMarked;
