package dev.orderflow.auth;

import dev.orderflow.testsupport.TestInfrastructure;
import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points auth-service at the test JVM's PostgreSQL as its own role, {@code auth_service}, owner of schema {@code auth}
 * and nothing else, as on the stack; it needs no Kafka.
 */
class AuthTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure.Database database = TestInfrastructure.databaseFor("auth_service", List.of("auth"));
        TestPropertyValues.of(
                        "spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + database.password())
                .applyTo(context);
    }
}
