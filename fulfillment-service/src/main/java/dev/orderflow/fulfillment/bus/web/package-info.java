/** The bus's HTTP API: PutEvents. */
@NullMarked
package dev.orderflow.fulfillment.bus.web;

import org.jspecify.annotations.NullMarked;
