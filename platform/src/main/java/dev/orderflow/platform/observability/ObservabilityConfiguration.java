package dev.orderflow.platform.observability;

import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The trace context the outbox stores and the relay restores; {@link TraceContexts#NONE} without a tracer. */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    @Bean
    TraceContexts traceContexts(ObjectProvider<Tracer> tracer) {
        return new TraceContexts(tracer.getIfAvailable());
    }
}
