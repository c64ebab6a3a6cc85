/** fulfillment-service: an EventBridge-style bus that routes orderflow's events by rules to targets. */
package dev.orderflow.fulfillment;
