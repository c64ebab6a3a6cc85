/** The {@code log} target: log groups of delivered events, stored and written to the service log. */
@NullMarked
package dev.orderflow.fulfillment.targets.log;

import org.jspecify.annotations.NullMarked;
