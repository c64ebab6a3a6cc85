package dev.orderflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

class KafkaCredentialsTest {

    @Test
    void saslWithoutCredentialsFailsWithWhatToSet() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.getSecurity().setProtocol("SASL_PLAINTEXT");

        assertThatThrownBy(() -> KafkaCredentials.check(kafka))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
    }

    @Test
    void saslWithCredentialsOrPlaintextPasses() {
        KafkaProperties sasl = new KafkaProperties();
        sasl.getSecurity().setProtocol("SASL_SSL");
        sasl.getProperties().put(KafkaCredentials.JAAS_CONFIG, "ScramLoginModule required username=\"a\";");
        KafkaProperties plaintext = new KafkaProperties();
        plaintext.getSecurity().setProtocol("PLAINTEXT");

        assertThatCode(() -> KafkaCredentials.check(sasl)).doesNotThrowAnyException();
        assertThatCode(() -> KafkaCredentials.check(plaintext)).doesNotThrowAnyException();
        assertThatCode(() -> KafkaCredentials.check(new KafkaProperties())).doesNotThrowAnyException();
    }
}
