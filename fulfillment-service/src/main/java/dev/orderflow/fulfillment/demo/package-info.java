/** The demo warehouse: a stand-in for an outside system behind the default {@code us-warehouse} API destination. */
@NullMarked
package dev.orderflow.fulfillment.demo;

import org.jspecify.annotations.NullMarked;
