/** POST /payments, the HTTP-only way to charge an order. */
@NullMarked
package dev.orderflow.billing.payments.web;

import org.jspecify.annotations.NullMarked;
