package dev.orderflow.platform.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the settings every service shares ({@code orderflow-defaults.yml}) and the ones that follow from a service's own
 * values, with the lowest precedence, so that a service's {@code application.yml}, its profiles, the environment and a
 * test's properties all win over them:
 *
 * <ul>
 *   <li>{@code spring.kafka.consumer.group-id} is {@code spring.application.name};
 *   <li>{@code orderflow.schema}, the one schema the service owns, is Hikari's {@code schema} and Flyway's
 *       {@code schemas} and {@code default-schema};
 *   <li>a service that names a client id for its calls to other services
 *       ({@code spring.security.oauth2.client.registration.orderflow.client-id}) gets the rest of that registration:
 *       client credentials at auth-service's token endpoint.
 * </ul>
 *
 * Runs after the configuration files are read, since the derived values depend on them.
 */
public class ServiceDefaults implements EnvironmentPostProcessor, Ordered {

    /** The name of the property source with the settings derived from the service's own values. */
    public static final String DERIVED = "orderflowDerivedDefaults";

    /** The name of the property source read from {@value #FILE}. */
    public static final String SHARED = "orderflowDefaults";

    static final String FILE = "orderflow-defaults.yml";

    static final String CLIENT = "spring.security.oauth2.client.registration.orderflow.";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var sources = environment.getPropertySources();
        if (sources.contains(SHARED)) {
            return;
        }
        sources.addLast(new MapPropertySource(DERIVED, derived(environment)));
        for (PropertySource<?> source : shared()) {
            sources.addLast(source);
        }
    }

    private static Map<String, Object> derived(ConfigurableEnvironment environment) {
        Map<String, Object> derived = new LinkedHashMap<>();
        String name = environment.getProperty("spring.application.name", "");
        if (!name.isBlank()) {
            derived.put("spring.kafka.consumer.group-id", name);
        }
        String schema = environment.getProperty("orderflow.schema", "");
        if (!schema.isBlank()) {
            derived.put("spring.datasource.hikari.schema", schema);
            derived.put("spring.flyway.schemas", schema);
            derived.put("spring.flyway.default-schema", schema);
        }
        if (!environment.getProperty(CLIENT + "client-id", "").isBlank()) {
            derived.put(CLIENT + "provider", "orderflow");
            derived.put(CLIENT + "client-authentication-method", "client_secret_basic");
            derived.put(CLIENT + "authorization-grant-type", "client_credentials");
            derived.put(
                    "spring.security.oauth2.client.provider.orderflow.token-uri", "http://localhost:8090/oauth2/token");
        }
        return derived;
    }

    private static List<PropertySource<?>> shared() {
        try {
            return new YamlPropertySourceLoader()
                    .load(SHARED, new ClassPathResource(FILE, ServiceDefaults.class.getClassLoader()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the platform's " + FILE, e);
        }
    }
}
