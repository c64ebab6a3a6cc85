package dev.orderflow.platform.observability;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The platform's observability defaults, below everything a service or its environment configures:
 *
 * <ul>
 *   <li>every request traced ({@code management.tracing.sampling.probability=1.0}; lower it under load); spans are
 *       exported over OTLP only where {@code management.opentelemetry.tracing.export.otlp.endpoint} is set (or
 *       {@code OTEL_EXPORTER_OTLP_ENDPOINT});
 *   <li>{@code orderflow.tracing.enabled=false} switches tracing off altogether: Boot's tracer is left out (a no-op
 *       one stands in), so nothing is traced, stored with the outbox or propagated; metrics stay;
 *   <li>the Kafka template observed while tracing is on, so that a published record carries its {@code traceparent};
 *   <li>no OTLP metrics push (Boot's default would try {@code localhost:4318} every minute): metrics are scraped;
 *   <li>{@code /actuator/prometheus} exposed next to what the service exposes, with latency histograms for HTTP;
 *   <li>log lines as JSON (Boot's structured logging, ECS) when standard output is not a terminal, as when
 *       {@code bin/stack} or Docker collects it, and Boot's human-readable lines on a terminal.
 * </ul>
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor {

    static final String DEFAULTS = "orderflowObservabilityDefaults";
    static final String OVERRIDES = "orderflowObservabilityOverrides";
    static final String EXPOSURE_PROPERTY = "management.endpoints.web.exposure.include";
    static final String TRACING_SWITCH = "orderflow.tracing.enabled";
    static final String EXCLUDE_PROPERTY = "spring.autoconfigure.exclude";

    /** What makes Boot trace; without them its no-op tracer stands in. */
    static final List<String> TRACING = List.of(
            "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.tracing.sampling.probability", "1.0");
        defaults.put("spring.kafka.template.observation-enabled", "${" + TRACING_SWITCH + ":true}");
        defaults.put("management.otlp.metrics.export.enabled", "false");
        defaults.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
        defaults.put("management.metrics.tags.application", "${spring.application.name:orderflow}");
        defaults.put(EXPOSURE_PROPERTY, "health,info,metrics,prometheus");
        if (!isTerminal()) {
            defaults.put("logging.structured.format.console", "ecs");
        }
        environment.getPropertySources().addLast(new MapPropertySource(DEFAULTS, defaults));

        Map<String, Object> overrides = new LinkedHashMap<>();
        if (!environment.getProperty(TRACING_SWITCH, Boolean.class, true)) {
            List<String> excluded = new ArrayList<>(TRACING);
            String configured = environment.getProperty(EXCLUDE_PROPERTY);
            if (configured != null && !configured.isBlank()) {
                excluded.add(configured);
            }
            overrides.put(EXCLUDE_PROPERTY, String.join(",", excluded));
        }
        // A service that lists its endpoints keeps its list, with the scraper's added.
        String exposed = environment.getProperty(EXPOSURE_PROPERTY);
        if (exposed != null
                && Arrays.stream(exposed.split(","))
                        .map(String::trim)
                        .noneMatch(id -> id.equals("*") || id.equals("prometheus"))) {
            overrides.put(EXPOSURE_PROPERTY, exposed + ",prometheus");
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
