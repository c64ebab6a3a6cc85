/** The inbox: each event's effect happens once, however often Kafka delivers it, a poll's events in one transaction. */
package dev.orderflow.platform.inbox;
