/**
 * Deliveries of events to targets: recorded with the event, worked through afterwards at least once, retried by each
 * target's policy, and dead-lettered to {@code fulfillment-dlt} when the policy runs out.
 */
@NullMarked
package dev.orderflow.fulfillment.delivery;

import org.jspecify.annotations.NullMarked;
