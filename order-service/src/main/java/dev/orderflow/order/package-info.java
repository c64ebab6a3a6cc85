/** order-service: takes orders, prices them from its catalog, publishes OrderCreated and follows their payment. */
package dev.orderflow.order;
