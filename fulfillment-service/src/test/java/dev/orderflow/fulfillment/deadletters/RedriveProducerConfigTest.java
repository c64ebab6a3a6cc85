package dev.orderflow.fulfillment.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which Kafka identity a redrive sends with. */
class RedriveProducerConfigTest {

    private static final Map<String, Object> SASL_SERVICE = Map.of(
            "bootstrap.servers", "localhost:9092",
            "security.protocol", "SASL_PLAINTEXT",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"fulfillment-service\""
                            + " password=\"service-secret\";");

    @Test
    void aSaslServiceRedrivesAsTheRedrivePrincipalNotAsItself() {
        Map<String, Object> config = DeadLetters.redriveProducerConfig(
                SASL_SERVICE, new RedriveProperties("fulfillment-redrive", "redrive-secret"));

        assertThat(config.get("sasl.jaas.config").toString())
                .contains("username=\"fulfillment-redrive\"")
                .contains("password=\"redrive-secret\"")
                .doesNotContain("fulfillment-service")
                .doesNotContain("service-secret");
        assertThat(config)
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("bootstrap.servers", "localhost:9092")
                .containsEntry("acks", "all");
    }

    @Test
    void aSaslServiceWithoutRedriveCredentialsHasNoRedriveProducer() {
        assertThat(DeadLetters.redriveProducerConfig(SASL_SERVICE, new RedriveProperties("fulfillment-redrive", null)))
                .isNull();
        assertThat(DeadLetters.redriveProducerConfig(SASL_SERVICE, new RedriveProperties("fulfillment-redrive", " ")))
                .isNull();
    }

    @Test
    void aPlaintextServiceRedrivesWithItsOwnConnection() {
        Map<String, Object> config = DeadLetters.redriveProducerConfig(
                Map.of("bootstrap.servers", "localhost:9092"), new RedriveProperties("fulfillment-redrive", null));

        assertThat(config).containsEntry("bootstrap.servers", "localhost:9092").doesNotContainKey("sasl.jaas.config");
    }

    @Test
    void quotesInAPasswordCannotEndTheJaasEntry() {
        Map<String, Object> config =
                DeadLetters.redriveProducerConfig(SASL_SERVICE, new RedriveProperties("fulfillment-redrive", "a\"b;c"));

        assertThat(config.get("sasl.jaas.config").toString()).contains("password=\"a\\\"b;c\";");
    }
}
