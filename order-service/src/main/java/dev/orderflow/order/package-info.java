/** order-service: takes orders, prices them from its catalog, publishes OrderCreated and follows their payment. */
@NullMarked
package dev.orderflow.order;

import org.jspecify.annotations.NullMarked;
