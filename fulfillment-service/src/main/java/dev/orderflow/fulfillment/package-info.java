/** fulfillment-service: an EventBridge-style bus that routes orderflow's events by rules to targets. */
@NullMarked
package dev.orderflow.fulfillment;

import org.jspecify.annotations.NullMarked;
