/** Orders: placing them at catalog prices, and following them through payment to dispatch. */
package dev.orderflow.order.ordering;
