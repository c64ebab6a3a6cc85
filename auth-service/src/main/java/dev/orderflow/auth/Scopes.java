package dev.orderflow.auth;

/** The scopes auth-service grants; the services check them (the platform's {@code Scopes} names the same). */
public final class Scopes {

    /** An operator: every customer's data and the operator endpoints. */
    public static final String ADMIN = "orderflow.admin";

    /** A customer acting for themselves; the token's subject is the customer id. */
    public static final String CUSTOMER = "orderflow.customer";

    private Scopes() {}
}
