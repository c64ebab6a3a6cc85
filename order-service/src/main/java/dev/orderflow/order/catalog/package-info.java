/** The product catalog: what can be ordered, at the server's prices. */
package dev.orderflow.order.catalog;
