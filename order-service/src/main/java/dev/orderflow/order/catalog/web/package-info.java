/** The catalog's HTTP API: the products a customer can order. */
@NullMarked
package dev.orderflow.order.catalog.web;

import org.jspecify.annotations.NullMarked;
