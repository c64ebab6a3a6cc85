package dev.orderflow.testsupport;

import dev.orderflow.testsupport.EndpointSecurity.Endpoint;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The security checks every service's endpoints must pass, run over the service's own table of endpoints: without a
 * valid token (none, or a forged one) a {@code 401} problem; with another customer's token a {@code 403} problem and
 * nothing changed; with the tokens that may, let in. A service's test (an {@link IntegrationTest}) gives its endpoints
 * on {@link #OWNER}'s data, and adds the checks that are its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EndpointSecurityTests {

    @LocalServerPort
    protected int port;

    protected EndpointSecurity security;

    @BeforeAll
    void connectToTheService() {
        security = new EndpointSecurity(port);
    }

    /** The endpoints on {@link #owner()}'s data, in the order they are tried: another customer is refused each. */
    protected abstract List<Endpoint> customerEndpoints();

    /** Every endpoint that needs a valid token; by default the customer endpoints. */
    protected List<Endpoint> allEndpoints() {
        return customerEndpoints();
    }

    /** The customer whose data the endpoints act on, new for each test JVM. */
    protected static final String OWNER = "owner-" + UUID.randomUUID();

    /** A customer the owner's data is not theirs. */
    protected static final String INTRUDER = "intruder-" + UUID.randomUUID();

    /** The customer whose data the endpoints act on: {@link #OWNER}. */
    protected String owner() {
        return OWNER;
    }

    /** A customer the data is not theirs: {@link #INTRUDER}. */
    protected String intruder() {
        return INTRUDER;
    }

    /** The tokens that every endpoint lets in: by default the owner's and an operator's. */
    protected List<String> tokensLetIn() {
        return List.of(Tokens.customer(owner()), Tokens.admin());
    }

    @ParameterizedTest
    @MethodSource("allEndpoints")
    void refusesARequestWithoutAValidToken(Endpoint endpoint) {
        security.refusesWithoutAToken(endpoint);
        security.refusesAForgedToken(endpoint, owner());
    }

    @ParameterizedTest
    @MethodSource("customerEndpoints")
    void refusesAnotherCustomersTokenAndChangesNothing(Endpoint endpoint) {
        security.refusesAnotherCustomer(endpoint, intruder());
    }

    @ParameterizedTest
    @MethodSource("allEndpoints")
    void letsInTheTokensThatMay(Endpoint endpoint) {
        tokensLetIn().forEach(token -> security.letsIn(endpoint, token));
    }
}
