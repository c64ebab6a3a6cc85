/** The HTTP API of connections and API destinations; no answer ever carries a secret. */
package dev.orderflow.fulfillment.destinations.web;
