package dev.orderflow.billing.security;

import static dev.orderflow.testsupport.EndpointSecurity.Endpoint.read;
import static dev.orderflow.testsupport.EndpointSecurity.Endpoint.write;

import dev.orderflow.billing.ObservedProcessedEvents;
import dev.orderflow.testsupport.EndpointSecurity.Endpoint;
import dev.orderflow.testsupport.EndpointSecurityTests;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.Tokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Every endpoint of billing-service: no token 401, another customer's token 403 and nothing changed, an operator in;
 * a charge only with the {@code payments.write} scope of order-service's client, never a customer's own token.
 */
// BillingTestSupport's configuration, so that the tests share one application
@IntegrationTest(properties = "spring.kafka.listener.concurrency=3")
@Import(ObservedProcessedEvents.Configuration.class)
class BillingSecurityIT extends EndpointSecurityTests {

    static final String UNOPENED = "unopened-" + UUID.randomUUID();

    @Autowired
    RestTestClient http;

    @BeforeAll
    void openTheOwnersAccount() {
        http.post()
                .uri("/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("customerId", OWNER))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    @Override
    protected List<Endpoint> customerEndpoints() {
        Supplier<String> ownersAccount = () -> adminGet("/accounts/" + OWNER);
        Supplier<String> unopenedAccount = () -> adminGet("/accounts/" + UNOPENED);
        return List.of(
                write(HttpMethod.POST, "/accounts", "{\"customerId\": \"" + UNOPENED + "\"}", unopenedAccount),
                read(HttpMethod.GET, "/accounts/" + OWNER),
                write(HttpMethod.POST, "/accounts/" + OWNER + "/deposits", "{\"amount\": 10.00}", ownersAccount),
                write(HttpMethod.POST, "/payments", payment(), ownersAccount));
    }

    /** Only an operator may use every endpoint: a customer may not charge directly (below). */
    @Override
    protected List<String> tokensLetIn() {
        return List.of(Tokens.admin());
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
