/** The bus: every event of orderflow seen as an EventBridge event, routed to its matching rules' targets. */
@NullMarked
package dev.orderflow.fulfillment.bus;

import org.jspecify.annotations.NullMarked;
