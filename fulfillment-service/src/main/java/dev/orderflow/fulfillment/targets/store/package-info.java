/** The {@code store-and-dispatch} target: a paid order's details stored and its {@code OrderDispatched} published, once per order. */
@NullMarked
package dev.orderflow.fulfillment.targets.store;

import org.jspecify.annotations.NullMarked;
