/** The operator console: server-rendered pages over the bus, the rules, the deliveries and the dead letters. */
@NullMarked
package dev.orderflow.fulfillment.console;

import org.jspecify.annotations.NullMarked;
