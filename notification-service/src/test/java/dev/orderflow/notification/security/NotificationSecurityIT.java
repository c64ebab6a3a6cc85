package dev.orderflow.notification.security;

import static dev.orderflow.testsupport.EndpointSecurity.Endpoint.read;
import static dev.orderflow.testsupport.EndpointSecurity.Endpoint.write;

import dev.orderflow.testsupport.EndpointSecurity.Endpoint;
import dev.orderflow.testsupport.EndpointSecurityTests;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.Tokens;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every endpoint of notification-service: no token 401, another customer's token 403 and nothing changed, an operator
 * in; a direct notification also with billing's {@code notifications.write} scope.
 */
@IntegrationTest
class NotificationSecurityIT extends EndpointSecurityTests {

    @Autowired
    JdbcClient jdbc;

    @Override
    protected List<Endpoint> customerEndpoints() {
        Supplier<String> ownersData =
                () -> jdbc.sql("""
                        select (select count(*) from notifications where customer_id = :id)
                            || '/' || coalesce((select email from customer_contacts where customer_id = :id), '-')""").param("id", OWNER).query(String.class).single();
        return List.of(
                read(HttpMethod.GET, "/notifications?customerId=" + OWNER),
                write(
                        HttpMethod.POST,
                        "/notifications",
                        "{\"customerId\": \"" + OWNER + "\", \"message\": \"hello\"}",
                        ownersData),
                write(
                        HttpMethod.PUT,
                        "/customers/" + OWNER + "/contact",
                        "{\"email\": \"owner@example.com\"}",
                        ownersData));
    }

    @Test
    void billingMayNotifyAnyCustomerButReadNothing() {
        security.letsIn(
                write(
                        HttpMethod.POST,
                        "/notifications",
                        "{\"customerId\": \"" + OWNER + "\", \"message\": \"from billing\"}",
                        null),
                Tokens.service("billing-service", "notifications.write"));
        security.forbids(
                read(HttpMethod.GET, "/notifications?customerId=" + OWNER),
                Tokens.service("billing-service", "notifications.write"));
    }
}
