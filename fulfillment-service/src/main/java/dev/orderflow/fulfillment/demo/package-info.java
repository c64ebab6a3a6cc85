/** The demo warehouse: a stand-in for an outside system behind the default {@code us-warehouse} API destination. */
package dev.orderflow.fulfillment.demo;
