package dev.orderflow.billing.security;

import static dev.orderflow.testsupport.EndpointSecurity.Endpoint.read;
import static dev.orderflow.testsupport.EndpointSecurity.Endpoint.write;

import dev.orderflow.billing.BillingTestSupport;
import dev.orderflow.testsupport.EndpointSecurity;
import dev.orderflow.testsupport.EndpointSecurity.Endpoint;
import dev.orderflow.testsupport.Tokens;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * Every endpoint of billing-service: no token 401, another customer's token 403 and nothing changed, an operator in;
 * a charge only with the {@code payments.write} scope of order-service's client, never a customer's own token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BillingSecurityIT extends BillingTestSupport {

    static final String OWNER = newCustomer("owner");
    static final String INTRUDER = newCustomer("intruder");
    static final String UNOPENED = newCustomer("unopened");

    @LocalServerPort
    int port;

    EndpointSecurity security;

    @BeforeAll
    void openTheOwnersAccount() {
        security = new EndpointSecurity(port);
        openAccount(OWNER);
    }

    List<Endpoint> customerEndpoints() {
        Supplier<String> ownersAccount = () -> adminGet("/accounts/" + OWNER);
        Supplier<String> unopenedAccount = () -> adminGet("/accounts/" + UNOPENED);
        return List.of(
                write(HttpMethod.POST, "/accounts", "{\"customerId\": \"" + UNOPENED + "\"}", unopenedAccount),
                read(HttpMethod.GET, "/accounts/" + OWNER),
                write(HttpMethod.POST, "/accounts/" + OWNER + "/deposits", "{\"amount\": 10.00}", ownersAccount),
                write(HttpMethod.POST, "/payments", payment(), ownersAccount));
    }

    @ParameterizedTest
    @MethodSource("customerEndpoints")
    void refusesARequestWithoutAValidToken(Endpoint endpoint) {
        security.refusesWithoutAToken(endpoint);
        security.refusesAForgedToken(endpoint, OWNER);
    }

    @ParameterizedTest
    @MethodSource("customerEndpoints")
    void refusesAnotherCustomersTokenAndChangesNothing(Endpoint endpoint) {
        security.refusesAnotherCustomer(endpoint, INTRUDER);
    }

    @ParameterizedTest
    @MethodSource("customerEndpoints")
    void letsAnOperatorIn(Endpoint endpoint) {
        security.letsIn(endpoint, Tokens.admin());
    }

    @Test
    void letsTheOwnerReadAndDepositButNotChargeDirectly() {
        security.letsIn(read(HttpMethod.GET, "/accounts/" + OWNER), Tokens.customer(OWNER));
        security.letsIn(
                write(HttpMethod.POST, "/accounts/" + OWNER + "/deposits", "{\"amount\": 1.00}", null),
                Tokens.customer(OWNER));
        security.forbids(write(HttpMethod.POST, "/payments", payment(), null), Tokens.customer(OWNER));
    }

    @Test
    void chargesOnlyWithThePaymentsScope() {
        security.letsIn(
                write(HttpMethod.POST, "/payments", payment(), null),
                Tokens.service("order-service", "payments.write"));
        security.forbids(
                write(HttpMethod.POST, "/payments", payment(), null),
                Tokens.service("billing-service", "notifications.write"));
    }

    private String adminGet(String path) {
        return http.get().uri(path).exchange().returnResult(String.class).getResponseBody();
    }

    private static String payment() {
        return "{\"orderId\": \"" + UUID.randomUUID() + "\", \"customerId\": \"" + OWNER + "\", \"amount\": 1.00}";
    }
}
