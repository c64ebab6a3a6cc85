/** The HTTP API of accounts, and the 404 for an unknown account wherever it is asked for. */
@NullMarked
package dev.orderflow.billing.accounts.web;

import org.jspecify.annotations.NullMarked;
