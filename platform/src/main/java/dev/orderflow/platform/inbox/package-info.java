/** The inbox: each event's effect happens once, however often Kafka delivers it, a poll's events in one transaction. */
@NullMarked
package dev.orderflow.platform.inbox;

import org.jspecify.annotations.NullMarked;
