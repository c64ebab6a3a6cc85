package dev.orderflow.push.security;

import static dev.orderflow.testsupport.EndpointSecurity.Endpoint.read;
import static dev.orderflow.testsupport.EndpointSecurity.Endpoint.write;

import dev.orderflow.testsupport.EndpointSecurity.Endpoint;
import dev.orderflow.testsupport.EndpointSecurityTests;
import dev.orderflow.testsupport.IntegrationTest;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every endpoint of push-service: no token 401, another customer's token 403 and nothing changed, an operator in. */
@IntegrationTest
class PushSecurityIT extends EndpointSecurityTests {

    static final String DEVICE = "device-" + UUID.randomUUID();

    @Autowired
    JdbcClient jdbc;

    @Override
    protected List<Endpoint> customerEndpoints() {
        Supplier<String> ownersTokens =
                () -> jdbc.sql("select string_agg(token, ',' order by token) from push_tokens where customer_id = ?")
                        .param(OWNER)
                        .query(String.class)
                        .optional()
                        .orElse("");
        return List.of(
                read(HttpMethod.GET, "/push-notifications?customerId=" + OWNER),
                write(HttpMethod.PUT, "/customers/" + OWNER + "/push-tokens/" + DEVICE, null, ownersTokens),
                write(HttpMethod.DELETE, "/customers/" + OWNER + "/push-tokens/" + DEVICE, null, ownersTokens));
    }
}
