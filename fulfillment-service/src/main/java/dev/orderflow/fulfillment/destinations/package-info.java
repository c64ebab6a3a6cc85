/** Connections and API destinations: HTTP endpoints outside the bus, their encrypted credentials and rate limits. */
package dev.orderflow.fulfillment.destinations;
