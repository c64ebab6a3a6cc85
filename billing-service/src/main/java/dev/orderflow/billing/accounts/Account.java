package dev.orderflow.billing.accounts;

import java.math.BigDecimal;
import java.time.Instant;

/** A customer's account: the money they have to pay orders with. */
public record Account(String customerId, BigDecimal balance, String currency, Instant createdAt) {

    /** What a customer id may look like, the same as in order-service. */
    public static final String CUSTOMER_ID_PATTERN = "[A-Za-z0-9._@-]*";

    public static final String CUSTOMER_ID_MESSAGE = "may contain only letters, digits and . _ @ -";

    public static final int CUSTOMER_ID_MAX_LENGTH = 64;
}
