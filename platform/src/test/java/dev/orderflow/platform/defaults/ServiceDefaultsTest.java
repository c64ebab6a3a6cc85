package dev.orderflow.platform.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

class ServiceDefaultsTest {

    @Test
    void sharedSettingsApplyToAServiceThatDoesNotSetThem() {
        StandardEnvironment environment = service(Map.of("spring.application.name", "order-service"));

        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(environment.getProperty("spring.threads.virtual.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("spring.datasource.hikari.connection-timeout"))
                .isEqualTo("2000");
        assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
        assertThat(environment.getProperty("spring.jpa.open-in-view")).isEqualTo("false");
        assertThat(environment.getProperty("spring.kafka.security.protocol")).isEqualTo("SASL_PLAINTEXT");
        assertThat(environment.getProperty("spring.kafka.properties[sasl.mechanism]"))
                .isEqualTo("SCRAM-SHA-512");
        assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
                .isEqualTo("health,info,metrics,prometheus");
        assertThat(environment.getProperty("management.endpoint.health.show-details"))
                .isEqualTo("always");
    }

    @Test
    void groupIdIsTheApplicationNameAndSchemasFollowTheOneSchemaProperty() {
        StandardEnvironment environment =
                service(Map.of("spring.application.name", "billing-service", "orderflow.schema", "billing"));

        assertThat(environment.getProperty("spring.kafka.consumer.group-id")).isEqualTo("billing-service");
        assertThat(environment.getProperty("spring.datasource.hikari.schema")).isEqualTo("billing");
        assertThat(environment.getProperty("spring.flyway.schemas")).isEqualTo("billing");
        assertThat(environment.getProperty("spring.flyway.default-schema")).isEqualTo("billing");
        assertThat(environment.getProperty("spring.flyway.create-schemas")).isEqualTo("true");
    }

    @Test
    void aServicesOwnValueWinsOverTheDefault() {
        StandardEnvironment environment = service(Map.of(
                "spring.application.name", "push-service",
                "orderflow.schema", "push",
                "server.shutdown", "immediate",
                "spring.datasource.hikari.maximum-pool-size", "5",
                "spring.kafka.consumer.group-id", "push-replay",
                "spring.flyway.default-schema", "other"));

        assertThat(environment.getProperty("server.shutdown")).isEqualTo("immediate");
        assertThat(environment.getProperty("spring.datasource.hikari.maximum-pool-size"))
                .isEqualTo("5");
        assertThat(environment.getProperty("spring.kafka.consumer.group-id")).isEqualTo("push-replay");
        assertThat(environment.getProperty("spring.flyway.default-schema")).isEqualTo("other");
        assertThat(environment.getProperty("spring.flyway.schemas")).isEqualTo("push");
    }

    @Test
    void theClientRegistrationGetsItsSharedShapeOnlyWhenTheServiceNamesAClient() {
        StandardEnvironment withClient = service(Map.of(
                ServiceDefaults.CLIENT + "client-id", "order-service",
                ServiceDefaults.CLIENT + "scope", "payments.write"));
        StandardEnvironment withoutClient = service(Map.of("spring.application.name", "push-service"));

        assertThat(withClient.getProperty(ServiceDefaults.CLIENT + "authorization-grant-type"))
                .isEqualTo("client_credentials");
        assertThat(withClient.getProperty(ServiceDefaults.CLIENT + "client-authentication-method"))
                .isEqualTo("client_secret_basic");
        assertThat(withClient.getProperty(ServiceDefaults.CLIENT + "provider")).isEqualTo("orderflow");
        assertThat(withClient.getProperty("spring.security.oauth2.client.provider.orderflow.token-uri"))
                .isEqualTo("http://localhost:8090/oauth2/token");
        assertThat(withoutClient.containsProperty(ServiceDefaults.CLIENT + "provider"))
                .isFalse();
    }

    @Test
    void isRegisteredWithSpringBoot() {
        // Boot's own post-processors want constructor arguments; only whether ours is listed matters here
        var skipOthers = SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {});
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(EnvironmentPostProcessor.class, skipOthers))
                .anyMatch(ServiceDefaults.class::isInstance);
    }

    private static StandardEnvironment service(Map<String, Object> own) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service", own));
        new ServiceDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
