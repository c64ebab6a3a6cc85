/** The bus's consumer of orderflow's topics. */
@NullMarked
package dev.orderflow.fulfillment.bus.messaging;

import org.jspecify.annotations.NullMarked;
