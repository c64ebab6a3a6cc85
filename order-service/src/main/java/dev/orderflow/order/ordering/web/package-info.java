/** The HTTP API of orders. */
package dev.orderflow.order.ordering.web;
