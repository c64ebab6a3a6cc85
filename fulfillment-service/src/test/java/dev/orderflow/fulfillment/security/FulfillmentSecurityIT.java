package dev.orderflow.fulfillment.security;

import static dev.orderflow.testsupport.EndpointSecurity.Endpoint.read;
import static dev.orderflow.testsupport.EndpointSecurity.Endpoint.write;

import dev.orderflow.testsupport.EndpointSecurity.Endpoint;
import dev.orderflow.testsupport.EndpointSecurityTests;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.Tokens;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * fulfillment-service's API is the operators': every endpoint refuses a request without a token (401) and a customer's
 * token (403, nothing changed) and lets an operator in; the demo warehouse receiver checks its own Basic credentials
 * and no token.
 */
@IntegrationTest
class FulfillmentSecurityIT extends EndpointSecurityTests {

    static final String RULE = "security-" + UUID.randomUUID();

    @Autowired
    JdbcClient jdbc;

    /** Every endpoint but the demo receiver's is an operator's: a customer is refused each. */
    @Override
    protected List<Endpoint> customerEndpoints() {
        Supplier<String> state = () -> jdbc.sql("""
                        select (select count(*) from rules) || '/' || (select count(*) from connections)
                            || '/' || (select count(*) from api_destinations) || '/' || (select count(*) from replays)
                            || '/' || (select count(*) from redriven_dead_letters)""").query(String.class).single();
        String rule = """
                {"eventPattern": {"source": ["security-test"]}, "state": "DISABLED",
                 "targets": [{"id": "log", "type": "log", "logGroup": "/security"}]}""";
        String event = """
                {"entries": [{"source": "security.test", "detailType": "Probe", "detail": {"customerId": "alice"}}]}""";
        return List.of(
                write(HttpMethod.PUT, "/rules/" + RULE, rule, state),
                read(HttpMethod.GET, "/rules"),
                read(HttpMethod.GET, "/rules/orders-to-log"),
                read(HttpMethod.GET, "/rules/orders-to-log/deliveries"),
                write(
                        HttpMethod.POST,
                        "/test-event-pattern",
                        "{\"eventPattern\": {\"source\": [\"a\"]}, \"event\": {\"source\": \"a\"}}",
                        null),
                write(HttpMethod.POST, "/events", event, null),
                read(HttpMethod.GET, "/logs?group=/orderflow/events/orders&limit=1"),
                read(HttpMethod.GET, "/dispatches/" + UUID.randomUUID()),
                write(HttpMethod.PUT, "/connections/security-none", "{\"authorization\": {\"type\": \"NONE\"}}", state),
                read(HttpMethod.GET, "/connections"),
                read(HttpMethod.GET, "/connections/security-none"),
                write(HttpMethod.DELETE, "/connections/security-none", null, state),
                write(HttpMethod.PUT, "/api-destinations/security-destination", """
                        {"endpoint": "http://localhost:1/x", "httpMethod": "POST", "connection": "security-none",
                         "invocationRateLimitPerSecond": 1}""", state),
                read(HttpMethod.GET, "/api-destinations"),
                read(HttpMethod.GET, "/api-destinations/security-destination"),
                write(HttpMethod.DELETE, "/api-destinations/security-destination", null, state),
                write(
                        HttpMethod.POST,
                        "/replays",
                        "{\"name\": \"security-replay\", \"from\": \"2020-01-01T00:00:00Z\", \"to\": \"2020-01-01T00:00:01Z\"}",
                        null),
                read(HttpMethod.GET, "/replays/security-replay"),
                read(HttpMethod.GET, "/dead-letters"),
                // a filter no dead letter matches: an operator's redrive that changes nothing
                write(
                        HttpMethod.POST,
                        "/dead-letters/redrive",
                        "{\"topic\": \"billing-dlt\", \"ceIds\": [\"security-" + UUID.randomUUID() + "\"]}",
                        null),
                read(HttpMethod.GET, "/workflows/executions?orderId=" + UUID.randomUUID()),
                read(HttpMethod.GET, "/workflows/executions/" + UUID.randomUUID()),
                write(HttpMethod.DELETE, "/rules/" + RULE, null, state));
    }

    @Override
    protected String owner() {
        return "alice";
    }

    @Override
    protected String intruder() {
        return "alice";
    }

    /** Operators' alone; in the table's order, the rule, connection and destination an operator creates are read, then deleted. */
    @Override
    protected List<String> tokensLetIn() {
        return List.of(Tokens.admin());
    }

    @Test
    void theDemoReceiverChecksItsOwnBasicCredentialsAndNoToken() {
        RestTestClient anonymous = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();
        anonymous
                .get()
                .uri("/demo/warehouses/us-warehouse/orders")
                .headers(headers -> headers.setBasicAuth("warehouse", "test-demo-password"))
                .exchange()
                .expectStatus()
                .isOk();
        anonymous
                .get()
                .uri("/demo/warehouses/us-warehouse/orders")
                .headers(headers -> headers.setBasicAuth("warehouse", "wrong"))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        anonymous
                .get()
                .uri("/demo/warehouses/us-warehouse/orders")
                .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(Tokens.admin()))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theDemoReceiverTakesAnOrderWithItsBasicCredentialsOnly() {
        RestTestClient anonymous = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();
        String key = "security-" + UUID.randomUUID();
        for (String token : new String[] {Tokens.admin(), Tokens.customer("alice")}) {
            anonymous
                    .post()
                    .uri("/demo/warehouses/security-warehouse/orders")
                    .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(token))
                    .header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"orderId\": \"x\"}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        anonymous
                .post()
                .uri("/demo/warehouses/security-warehouse/orders")
                .headers(headers -> headers.setBasicAuth("warehouse", "test-demo-password"))
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"orderId\": \"x\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CREATED);
    }
}
