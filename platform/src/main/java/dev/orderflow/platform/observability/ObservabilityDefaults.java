package dev.orderflow.platform.observability;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The platform's observability settings that depend on the service's environment (the fixed ones, such as sampling,
 * the observed Kafka template and the Prometheus endpoint, are in {@code orderflow-defaults.yml} with the other
 * defaults every service shares):
 *
 * <ul>
 *   <li>{@code orderflow.tracing.enabled=false} switches tracing off altogether: Boot's tracer is left out (a no-op
 *       one stands in), so nothing is traced, stored with the outbox or propagated; metrics stay;
 *   <li>log lines as JSON (Boot's structured logging, ECS) when standard output is not a terminal, as when
 *       {@code bin/stack} or Docker collects it, and Boot's human-readable lines on a terminal.
 * </ul>
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor {

    static final String DEFAULTS = "orderflowObservabilityDefaults";
    static final String OVERRIDES = "orderflowObservabilityOverrides";
    static final String TRACING_SWITCH = "orderflow.tracing.enabled";
    static final String EXCLUDE_PROPERTY = "spring.autoconfigure.exclude";

    /** What makes Boot trace; without them its no-op tracer stands in. */
    static final List<String> TRACING = List.of(
            "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!isTerminal()) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(DEFAULTS, Map.of("logging.structured.format.console", "ecs")));
        }

        Map<String, Object> overrides = new LinkedHashMap<>();
        if (!environment.getProperty(TRACING_SWITCH, Boolean.class, true)) {
            List<String> excluded = new ArrayList<>(TRACING);
            String configured = environment.getProperty(EXCLUDE_PROPERTY);
            if (configured != null && !configured.isBlank()) {
                excluded.add(configured);
            }
            overrides.put(EXCLUDE_PROPERTY, String.join(",", excluded));
        }
        if (!overrides.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource(OVERRIDES, overrides));
        }
    }

    /**
     * Whether standard output is a terminal. From Java 22 {@link System#console()} is there even when output is
     * redirected, and {@code Console.isTerminal()} tells; on Java 21 a console means a terminal.
     */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
