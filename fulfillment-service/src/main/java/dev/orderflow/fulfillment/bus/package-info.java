/** The bus: every event of orderflow seen as an EventBridge event, routed to its matching rules' targets. */
package dev.orderflow.fulfillment.bus;
