/** Charging orders: one charge per order, whether it is asked for by OrderCreated or by POST /payments. */
@NullMarked
package dev.orderflow.billing.payments;

import org.jspecify.annotations.NullMarked;
