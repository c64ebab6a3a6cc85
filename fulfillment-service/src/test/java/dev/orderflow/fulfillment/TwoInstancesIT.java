package dev.orderflow.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.fulfillment.rules.RuleMatcher;
import dev.orderflow.fulfillment.rules.RuleMatcher.MatchedRule;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.TestInfrastructureInitializer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A rule changed through one instance matches on another instance within a second, without a restart. */
@IntegrationTest
class TwoInstancesIT {

    private static ConfigurableApplicationContext other;

    @Autowired
    RestTestClient http;

    @BeforeAll
    static void startAnotherInstance() {
        other = new SpringApplicationBuilder(FulfillmentServiceApplication.class)
                .initializers(new TestInfrastructureInitializer())
                // its listener stays off so that it does not take partitions from the instance under test
                .properties("spring.kafka.listener.auto-startup=false")
                // a random port as an argument: application.yml's 8085 would win over a default property
                .run("--server.port=0");
    }

    @AfterAll
    static void stopIt() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void aRuleChangeOnOneInstanceMatchesOnTheOtherWithinASecond() {
        RuleMatcher otherMatcher = other.getBean(RuleMatcher.class);
        String source = "shop.instances-" + UUID.randomUUID();
        String event = "{\"source\": \"%s\", \"detail-type\": \"Ping\", \"detail\": {}}".formatted(source);
        String name = "two-instances-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(otherMatcher.match(event)).isEmpty();

        putRule(name, source, "ENABLED");
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(otherMatcher.match(event))
                        .extracting(MatchedRule::name)
                        .containsExactly(name));

        putRule(name, source, "DISABLED");
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(otherMatcher.match(event)).isEmpty());

        putRule(name, source, "ENABLED");
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> !otherMatcher.match(event).isEmpty());
        http.delete().uri("/rules/{name}", name).exchange().expectStatus().isNoContent();
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(otherMatcher.match(event)).isEmpty());
    }

    private void putRule(String name, String source, String state) {
        http.put()
                .uri("/rules/{name}", name)
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"eventPattern": {"source": ["%s"]}, "state": "%s",
                         "targets": [{"id": "log", "type": "log", "logGroup": "/test/instances"}]}""".formatted(source, state))
                .exchange()
                .expectStatus()
                .is2xxSuccessful();
    }
}
