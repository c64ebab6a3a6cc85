/** The adapters that ask billing for an order's payment: through Kafka or over HTTP, as the interaction style says. */
@NullMarked
package dev.orderflow.order.ordering.billing;

import org.jspecify.annotations.NullMarked;
