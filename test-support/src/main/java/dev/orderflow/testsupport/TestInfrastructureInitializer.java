package dev.orderflow.testsupport;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;

/**
 * Points a Spring application at the test JVM's shared Kafka broker (PLAINTEXT: the ACLs are the stack module's tests')
 * and PostgreSQL, where it connects as a role of its own that owns its schema and nothing else, as in production: the
 * role is named after {@code spring.application.name} ({@code order-service}: {@code order_service}) and owns the
 * schemas of {@code spring.flyway.schemas}, {@code spring.flyway.default-schema} and
 * {@code spring.datasource.hikari.schema}. An application without a name or schema connects as the administrator.
 * It also makes the application trust the test JVM's {@link Tokens} and gives its {@code RestTestClient} an operator's
 * token, so a test that is not about security need not think of it.
 */
public class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Environment environment = context.getEnvironment();
        String name = environment.getProperty("spring.application.name", "");
        Set<String> schemas = new LinkedHashSet<>();
        schemas.addAll(List.of(environment.getProperty("spring.flyway.schemas", String[].class, new String[0])));
        for (String property : List.of("spring.flyway.default-schema", "spring.datasource.hikari.schema")) {
            String schema = environment.getProperty(property, "");
            if (!schema.isBlank()) {
                schemas.add(schema.trim());
            }
        }
        TestInfrastructure.Database database = name.isBlank() || schemas.isEmpty()
                ? TestInfrastructure.database()
                : TestInfrastructure.databaseFor(name.replace('-', '_'), schemas);
        TestPropertyValues.of(
                        "spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                        "spring.kafka.security.protocol=PLAINTEXT",
                        "spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + database.password(),
                        "spring.security.oauth2.resourceserver.jwt.public-key-location=" + Tokens.publicKeyLocation())
                .applyTo(context);
        if (!environment.containsProperty("orderflow.security.service-token")) {
            // what a service sends when it calls another (the HTTP interaction styles), unless the test chose a token
            TestPropertyValues.of("orderflow.security.service-token="
                            + Tokens.service("test-service", "payments.write", "notifications.write"))
                    .applyTo(context);
        }
        context.getBeanFactory().registerSingleton("adminTokenRestTestClient", (RestTestClientBuilderCustomizer)
                builder -> builder.defaultHeader(HttpHeaders.AUTHORIZATION, Tokens.bearer(Tokens.admin())));
        TestInfrastructure.closeBeforeServers(context);
    }
}
