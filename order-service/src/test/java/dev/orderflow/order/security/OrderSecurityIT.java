package dev.orderflow.order.security;

import static dev.orderflow.testsupport.EndpointSecurity.Endpoint.read;
import static dev.orderflow.testsupport.EndpointSecurity.Endpoint.write;

import dev.orderflow.testsupport.EndpointSecurity.Endpoint;
import dev.orderflow.testsupport.EndpointSecurityTests;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.Tokens;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Every endpoint of order-service: no token 401, another customer's token 403 and nothing changed, an operator in. */
@IntegrationTest
class OrderSecurityIT extends EndpointSecurityTests {

    @Autowired
    RestTestClient http;

    String orderId;

    @BeforeAll
    void placeAnOrderOfTheOwner() {
        orderId = http.post()
                .uri("/orders")
                .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(Tokens.customer(OWNER)))
                .contentType(MediaType.APPLICATION_JSON)
                .body(placeOrder(OWNER))
                .exchange()
                .expectStatus()
                .isCreated()
                .returnResult(OrderId.class)
                .getResponseBody()
                .orderId();
    }

    record OrderId(String orderId) {}

    @Override
    protected List<Endpoint> customerEndpoints() {
        Supplier<String> ownersOrders = () -> adminGet("/orders?customerId=" + OWNER);
        return List.of(
                write(HttpMethod.POST, "/orders", placeOrder(OWNER), ownersOrders),
                read(HttpMethod.GET, "/orders/" + orderId),
                read(HttpMethod.GET, "/orders?customerId=" + OWNER));
    }

    @Override
    protected List<Endpoint> allEndpoints() {
        return java.util.stream.Stream.concat(
                        customerEndpoints().stream(), java.util.stream.Stream.of(read(HttpMethod.GET, "/products")))
                .toList();
    }

    @Test
    void refusesAnExpiredToken() {
        RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build()
                .get()
                .uri("/products")
                .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(Tokens.expired(OWNER)))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void refusesAServiceTokenACustomersData() {
        security.forbids(
                read(HttpMethod.GET, "/orders?customerId=" + OWNER),
                Tokens.service("billing-service", "notifications.write"));
    }

    @Test
    void healthNeedsNoToken() {
        RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build()
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk();
    }

    private String adminGet(String path) {
        return http.get().uri(path).exchange().returnResult(String.class).getResponseBody();
    }

    private static String placeOrder(String customerId) {
        return """
                {"customerId": "%s", "location": "us-east", "items": [{"productCode": "pencil", "quantity": 1}]}""".formatted(customerId);
    }
}
