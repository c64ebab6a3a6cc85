/** The bus's HTTP API: PutEvents. */
package dev.orderflow.fulfillment.bus.web;
