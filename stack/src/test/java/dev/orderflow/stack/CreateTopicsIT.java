package dev.orderflow.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CreateTopicsIT {

    private static final String THIRTY_DAYS = String.valueOf(30L * 24 * 60 * 60 * 1000);

    private static Admin admin;

    @BeforeAll
    static void connect() {
        admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()));
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @Test
    void givesTheEventTopicsThirtyDaysOfRetentionEvenWhenSomeoneElseCreatedThem() throws Exception {
        // The test broker created every topic already, as a service's admin does; back to the broker's retention.
        Map<ConfigResource, Collection<AlterConfigOp>> brokerDefault = new HashMap<>();
        for (String topic : List.of("billing", "payment", "fulfillment")) {
            brokerDefault.put(
                    new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    List.of(new AlterConfigOp(
                            new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, ""), AlterConfigOp.OpType.DELETE)));
        }
        admin.incrementalAlterConfigs(brokerDefault).all().get();
        // the change reaches the broker's metadata a moment after it is acknowledged (a fresh-clone CI run read the
        // old value here)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String topic : List.of("billing", "payment", "fulfillment")) {
                assertThat(retentionOf(topic)).as(topic).isNotEqualTo(THIRTY_DAYS);
            }
        });

        String said = CreateTopics.ensure(admin, CreateTopics.defaultTopics());

        assertThat(said).endsWith("retention set to 30 days: billing, payment, fulfillment");

        awaitEventTopicsRetention();
        assertThat(retentionOf("billing-dlt")).isNotEqualTo(THIRTY_DAYS);
    }

    @Test
    void changesNothingTheSecondTime() throws Exception {
        CreateTopics.ensure(admin, CreateTopics.defaultTopics());
        awaitEventTopicsRetention();

        String said = CreateTopics.ensure(admin, CreateTopics.defaultTopics());

        assertThat(said)
                .startsWith("topics present: billing, payment, fulfillment")
                .doesNotContain("retention");
    }

    @Test
    void createsTheTopicsItIsGivenWithTheirPartitions() throws Exception {
        String said = CreateTopics.ensure(admin, CreateTopics.parse(List.of("stack-it-created:2")));

        assertThat(said).isEqualTo("topics created: stack-it-created");
        assertThat(admin.describeTopics(List.of("stack-it-created"))
                        .allTopicNames()
                        .get()
                        .get("stack-it-created")
                        .partitions())
                .hasSize(2);
        assertThat(retentionOf("stack-it-created")).isNotEqualTo(THIRTY_DAYS);
    }

    /** A changed topic configuration reaches the broker's metadata a moment after the change is acknowledged. */
    private static void awaitEventTopicsRetention() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String topic : List.of("billing", "payment", "fulfillment")) {
                assertThat(retentionOf(topic)).as(topic).isEqualTo(THIRTY_DAYS);
            }
        });
    }

    private static String retentionOf(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        return config.get(TopicConfig.RETENTION_MS_CONFIG).value();
    }
}
