/** Orders: placing them at catalog prices, and following them through payment to dispatch. */
@NullMarked
package dev.orderflow.order.ordering;

import org.jspecify.annotations.NullMarked;
