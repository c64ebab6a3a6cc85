/** What became of a rule's deliveries, over HTTP. */
package dev.orderflow.fulfillment.delivery.web;
