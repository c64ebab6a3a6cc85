package dev.orderflow.platform.security;

/** The OAuth 2 scopes auth-service grants and the services check. */
public final class Scopes {

    /** An operator: every customer's data and the operator endpoints. */
    public static final String ADMIN = "orderflow.admin";

    /** A customer acting for themselves; the token's subject is the customer id. */
    public static final String CUSTOMER = "orderflow.customer";

    /** A service that charges orders through billing's {@code POST /payments}. */
    public static final String PAYMENTS_WRITE = "payments.write";

    /**
     * A service that notifies customers through notification-service: {@code POST /internal/payment-events} (billing
     * telling of payment outcomes in the HTTP interaction style) and {@code POST /notifications}.
     */
    public static final String NOTIFICATIONS_WRITE = "notifications.write";

    private Scopes() {}

    /** The Spring Security authority a token with the scope carries. */
    public static String authority(String scope) {
        return "SCOPE_" + scope;
    }
}
