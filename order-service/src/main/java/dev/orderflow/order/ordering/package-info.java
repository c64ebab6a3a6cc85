/** Orders: placing them at catalog prices, and following them through payment. */
package dev.orderflow.order.ordering;
