/** The adapters that ask billing for an order's payment: through Kafka or over HTTP, as the interaction style says. */
package dev.orderflow.order.ordering.billing;
