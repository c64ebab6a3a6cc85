/** POST /payments, the HTTP-only way to charge an order. */
package dev.orderflow.billing.payments.web;
