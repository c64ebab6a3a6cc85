package dev.orderflow.platform;

import dev.orderflow.platform.inbox.Inbox;
import dev.orderflow.platform.inbox.ProcessedEvents;
import dev.orderflow.platform.inbox.ProcessedEventsRetention;
import dev.orderflow.platform.interaction.Interaction;
import dev.orderflow.platform.json.StrictJsonConfiguration;
import dev.orderflow.platform.kafka.KafkaConfiguration;
import dev.orderflow.platform.observability.ObservabilityConfiguration;
import dev.orderflow.platform.observability.TraceContexts;
import dev.orderflow.platform.outbox.Outbox;
import dev.orderflow.platform.outbox.OutboxMetrics;
import dev.orderflow.platform.outbox.OutboxRelay;
import dev.orderflow.platform.web.ConcurrencyLimitConfiguration;
import dev.orderflow.platform.web.HardenedInputConfiguration;
import dev.orderflow.platform.web.ProblemDetailsAdvice;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the platform into a service: problem+json, hardened input, traces and meters in every service; outbox and
 * relay, inbox and processed-events guard and Kafka errors in a service that talks to Kafka ({@link Messaging}).
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"
        },
        after = {JdbcClientAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@EnableConfigurationProperties(PlatformProperties.class)
@Import({
    ObservabilityConfiguration.class,
    ProblemDetailsAdvice.class,
    ConcurrencyLimitConfiguration.class,
    HardenedInputConfiguration.class,
    StrictJsonConfiguration.class
})
public class PlatformAutoConfiguration {

    /** The platform's own tables (outbox, processed events) migrate with the service's, in its schema. */
    static final String MIGRATIONS = "classpath:db/platform";

    /** The class that tells a service that talks to Kafka: spring-kafka's template. */
    static final String KAFKA = "org.springframework.kafka.core.KafkaTemplate";

    /**
     * The interaction style this service runs in; read here once so that a misspelt style stops the start, and shown
     * as {@code interaction} in {@code /actuator/info}.
     */
    @Bean
    Interaction interaction(Environment environment) {
        return Interaction.of(environment);
    }

    @Bean
    InfoContributor interactionInfo(Interaction interaction) {
        return builder -> builder.withDetail("interaction", interaction.toString());
    }

    /**
     * The outbox and its relay, the inbox and its processed-events guard, their tables, and how Kafka records are read,
     * written and dead-lettered: only in a service with spring-kafka on its class path. auth-service, which shares the
     * rest of the platform and its defaults, has no Kafka and none of these.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = KAFKA)
    @Import(KafkaConfiguration.class)
    static class Messaging {

        @Bean
        FlywayConfigurationCustomizer platformMigrations() {
            return configuration -> {
                List<String> locations = new ArrayList<>();
                for (Location location : configuration.getLocations()) {
                    locations.add(location.getDescriptor());
                }
                locations.add(MIGRATIONS);
                // The platform's migrations are numbered 0.x; one added later is applied out of order.
                configuration.locations(locations.toArray(String[]::new)).outOfOrder(true);
            };
        }

        @Bean
        OutboxRelay outboxRelay(
                JdbcClient jdbc,
                TransactionTemplate transactions,
                KafkaTemplate<Object, Object> kafka,
                PlatformProperties properties,
                TraceContexts traces,
                ObjectProvider<MeterRegistry> meters) {
            MeterRegistry registry = meters.getIfAvailable();
            return new OutboxRelay(
                    jdbc,
                    transactions,
                    kafka,
                    properties.outbox(),
                    traces,
                    registry != null ? OutboxMetrics.register(registry, jdbc) : OutboxMetrics.NONE);
        }

        @Bean
        Outbox outbox(
                NamedParameterJdbcOperations jdbc,
                OutboxRelay relay,
                PlatformProperties properties,
                TraceContexts traces,
                @Value("${spring.application.name:orderflow}") String applicationName) {
            String source = properties.source() != null ? properties.source() : "/" + applicationName;
            return new Outbox(jdbc, relay, source, traces);
        }

        @Bean
        ProcessedEvents processedEvents(
                JdbcClient jdbc, TransactionTemplate transactions, ObjectProvider<MeterRegistry> meters) {
            ProcessedEvents processedEvents = new ProcessedEvents(jdbc, transactions);
            meters.ifAvailable(processedEvents::registerMeters);
            return processedEvents;
        }

        @Bean
        ProcessedEventsRetention processedEventsRetention(JdbcClient jdbc, PlatformProperties properties) {
            return new ProcessedEventsRetention(jdbc, properties.inbox());
        }

        @Bean
        Inbox inbox(ProcessedEvents processedEvents, ObjectProvider<ObservationRegistry> observations) {
            return new Inbox(processedEvents, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        }
    }
}
