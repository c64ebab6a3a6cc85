/** The HTTP API of connections and API destinations; no answer ever carries a secret. */
@NullMarked
package dev.orderflow.fulfillment.destinations.web;

import org.jspecify.annotations.NullMarked;
