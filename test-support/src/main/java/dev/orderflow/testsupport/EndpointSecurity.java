package dev.orderflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The three checks every endpoint of every service must pass, for table-driven tests: without a token a {@code 401}
 * problem; with another customer's token a {@code 403} problem and nothing changed; with an operator's token let in.
 */
public final class EndpointSecurity {

    private final RestTestClient http;

    /** Checks the service listening on the port, with a client of its own that sends no token by default. */
    public EndpointSecurity(int port) {
        this.http = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();
    }

    /**
     * One endpoint, acting on the data of a customer.
     *
     * @param method the HTTP method
     * @param path the path and query
     * @param body the JSON body, or {@code null}
     * @param state what an operator sees of that customer's data, to show a refused request changed nothing; may be
     *     {@code null} for a read
     */
    public record Endpoint(HttpMethod method, String path, String body, Supplier<String> state) {

        public static Endpoint read(HttpMethod method, String path) {
            return new Endpoint(method, path, null, null);
        }

        public static Endpoint write(HttpMethod method, String path, String body, Supplier<String> state) {
            return new Endpoint(method, path, body, state);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Without a token: a {@code 401} problem with {@code WWW-Authenticate: Bearer}. */
    public void refusesWithoutAToken(Endpoint endpoint) {
        String before = state(endpoint);
        send(endpoint, null)
                .expectStatus()
                .isEqualTo(HttpStatus.UNAUTHORIZED)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer"))
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401);
        assertThat(state(endpoint))
                .as("state after %s without a token", endpoint)
                .isEqualTo(before);
    }

    /** With a token signed by a key the service does not trust: a {@code 401} problem. */
    public void refusesAForgedToken(Endpoint endpoint, String customerId) {
        send(endpoint, Tokens.signedByAnotherKey(customerId))
                .expectStatus()
                .isEqualTo(HttpStatus.UNAUTHORIZED)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** With the token of a customer the data is not theirs: a {@code 403} problem, and the data is unchanged. */
    public void refusesAnotherCustomer(Endpoint endpoint, String intruder) {
        String before = state(endpoint);
        send(endpoint, Tokens.customer(intruder))
                .expectStatus()
                .isEqualTo(HttpStatus.FORBIDDEN)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(403)
                .jsonPath("$.detail")
                .isNotEmpty();
        assertThat(state(endpoint))
                .as("state after %s by another customer", endpoint)
                .isEqualTo(before);
    }

    /** With the token: neither {@code 401} nor {@code 403}. */
    public void letsIn(Endpoint endpoint, String token) {
        HttpStatus status = HttpStatus.valueOf(
                send(endpoint, token).returnResult().getStatus().value());
        assertThat(status).as(endpoint.toString()).isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
        assertThat(status.is5xxServerError())
                .as(endpoint + " answered " + status)
                .isFalse();
    }

    /** With the token: a {@code 403} problem. */
    public void forbids(Endpoint endpoint, String token) {
        send(endpoint, token)
                .expectStatus()
                .isEqualTo(HttpStatus.FORBIDDEN)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private RestTestClient.ResponseSpec send(Endpoint endpoint, String token) {
        RestTestClient.RequestBodySpec request = http.method(endpoint.method()).uri(endpoint.path());
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, Tokens.bearer(token));
        }
        if (endpoint.body() != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(endpoint.body());
        }
        return request.exchange();
    }

    private static String state(Endpoint endpoint) {
        return endpoint.state() == null ? "" : endpoint.state().get();
    }
}
