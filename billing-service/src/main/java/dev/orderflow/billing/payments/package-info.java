/** Charging orders: one charge per order, whether it is asked for by OrderCreated or by POST /payments. */
package dev.orderflow.billing.payments;
