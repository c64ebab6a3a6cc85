/** The HTTP API of orders. */
@NullMarked
package dev.orderflow.order.ordering.web;

import org.jspecify.annotations.NullMarked;
