/** The HTTP API of deposits. */
package dev.orderflow.billing.deposits.web;
