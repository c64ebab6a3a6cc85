/** The {@code log} target: log groups of delivered events, stored and written to the service log. */
package dev.orderflow.fulfillment.targets.log;
