/** The HTTP API of deposits. */
@NullMarked
package dev.orderflow.billing.deposits.web;

import org.jspecify.annotations.NullMarked;
