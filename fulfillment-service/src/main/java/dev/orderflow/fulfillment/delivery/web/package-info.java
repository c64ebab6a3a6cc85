/** What became of a rule's deliveries, over HTTP. */
@NullMarked
package dev.orderflow.fulfillment.delivery.web;

import org.jspecify.annotations.NullMarked;
