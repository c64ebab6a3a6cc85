/** The product catalog: what can be ordered, at the server's prices. */
@NullMarked
package dev.orderflow.order.catalog;

import org.jspecify.annotations.NullMarked;
