package dev.orderflow.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a Spring application at the test JVM's shared Kafka broker and PostgreSQL. */
public class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure.Database database = TestInfrastructure.database();
        TestPropertyValues.of(
                        "spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                        "spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + database.password())
                .applyTo(context);
        TestInfrastructure.closeBeforeServers(context);
    }
}
