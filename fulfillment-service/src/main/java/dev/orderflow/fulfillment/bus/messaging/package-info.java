/** The bus's consumer of orderflow's topics. */
package dev.orderflow.fulfillment.bus.messaging;
