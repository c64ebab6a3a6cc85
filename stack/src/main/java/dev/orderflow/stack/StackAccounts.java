package dev.orderflow.stack;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who the local stack lets in, and with which password: one account per service (a PostgreSQL role that owns the
 * service's schema, a Kafka SCRAM user of the service's name), the Kafka admin the console tools use, and the identity
 * the broker presents to its own controller. The passwords come from the environment ({@code STACK_SECRET_<NAME>},
 * e.g. {@code STACK_SECRET_ORDER_SERVICE}); without it a development default ({@code <name>-dev}), which is fine for
 * a stack that listens on localhost only and is never how a production deployment is configured (ADR 0010).
 */
public final class StackAccounts {

    /** The Kafka super user: the console tools, bin/stack's topic and ACL set-up. */
    public static final String KAFKA_ADMIN = "admin";

    /** The broker's identity towards its KRaft controller (SASL/PLAIN: the controller cannot check SCRAM). */
    public static final String KAFKA_CONTROLLER = "controller";

    /** A service: its Kafka user is its name, its PostgreSQL role the name with underscores, owning {@code schema}. */
    public record Service(String name, String schema) {

        public String role() {
            return name.replace('-', '_');
        }

        public String password() {
            return secret(name);
        }
    }

    /** Every service with a schema; auth-service has no Kafka user (it does not use Kafka). */
    public static final List<Service> SERVICES = List.of(
            new Service("auth-service", "auth"),
            new Service("order-service", "orders"),
            new Service("billing-service", "billing"),
            new Service("notification-service", "notification"),
            new Service("push-service", "push"),
            new Service("fulfillment-service", "fulfillment"));

    private StackAccounts() {}

    /** The password of account {@code name}: {@code STACK_SECRET_<NAME>} if set, else {@code <name>-dev}. */
    public static String secret(String name) {
        return secret(name, System.getenv());
    }

    static String secret(String name, Map<String, String> environment) {
        String value = environment.get(variable(name));
        return value == null || value.isEmpty() ? name + "-dev" : value;
    }

    static String variable(String name) {
        return "STACK_SECRET_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
