/** Connections and API destinations: HTTP endpoints outside the bus, their encrypted credentials and rate limits. */
@NullMarked
package dev.orderflow.fulfillment.destinations;

import org.jspecify.annotations.NullMarked;
