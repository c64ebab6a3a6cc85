package dev.orderflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ConsumerLagTest {

    @Test
    void aBrokerThatDoesNotAnswerLeavesTheGaugesAloneAndIsReportedOnce() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        // nothing listens on port 1
        ConsumerLag lag = new ConsumerLag(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1"),
                () -> Map.of("a-group", Set.of("a-topic")),
                registry,
                Duration.ofSeconds(10));
        Logger logger = (Logger) LoggerFactory.getLogger(ConsumerLag.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            lag.refresh();
            lag.refresh();
        } finally {
            logger.detachAppender(logged);
            lag.stop();
        }

        assertThat(registry.find(ConsumerLag.METER).gauges()).isEmpty();
        assertThat(logged.list)
                .filteredOn(event -> event.getLevel() == Level.WARN)
                .singleElement()
                .satisfies(event -> assertThat(event.getFormattedMessage()).contains("Cannot read consumer lag"));
    }
}
