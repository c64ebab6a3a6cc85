package dev.orderflow.testsupport;

import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;

/**
 * Points a Spring application at the test JVM's shared Kafka broker and PostgreSQL, makes it trust the test JVM's
 * {@link Tokens}, and gives its {@code RestTestClient} an operator's token, so a test that is not about security
 * need not think of it.
 */
public class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure.Database database = TestInfrastructure.database();
        TestPropertyValues.of(
                        "spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                        "spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + database.password(),
                        "spring.security.oauth2.resourceserver.jwt.public-key-location=" + Tokens.publicKeyLocation(),
                        // what a service sends when it calls another (the HTTP interaction styles)
                        "orderflow.security.service-token="
                                + Tokens.service("test-service", "payments.write", "notifications.write"))
                .applyTo(context);
        context.getBeanFactory().registerSingleton("adminTokenRestTestClient", (RestTestClientBuilderCustomizer)
                builder -> builder.defaultHeader(HttpHeaders.AUTHORIZATION, Tokens.bearer(Tokens.admin())));
        TestInfrastructure.closeBeforeServers(context);
    }
}
