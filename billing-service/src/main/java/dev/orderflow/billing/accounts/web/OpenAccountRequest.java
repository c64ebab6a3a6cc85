package dev.orderflow.billing.accounts.web;

import dev.orderflow.platform.web.CustomerId;

/** The body of {@code POST /accounts}. */
record OpenAccountRequest(@CustomerId String customerId) {}
