package dev.orderflow.platform.kafka;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Fails the start-up with a message that says what to set when the service is configured to authenticate to Kafka
 * with SASL but has no credentials, instead of the Kafka client's "Could not find a 'KafkaClient' entry in the JAAS
 * configuration" deep inside a bean that needed a client. The credentials are {@code spring.kafka.properties.sasl.*},
 * from the environment (docs/adr/0010-least-privilege.md).
 */
final class KafkaCredentials {

    static final String JAAS_CONFIG = "sasl.jaas.config";

    private KafkaCredentials() {}

    /** Throws when {@code kafka} asks for SASL and neither it nor the JVM holds a JAAS configuration. */
    static void check(KafkaProperties kafka) {
        String protocol = kafka.getSecurity().getProtocol();
        if (protocol == null) {
            protocol = kafka.getProperties().get("security.protocol");
        }
        if (protocol == null || !protocol.toUpperCase(Locale.ROOT).startsWith("SASL_")) {
            return;
        }
        if (hasJaas(kafka.getProperties())
                || (hasJaas(kafka.getProducer().getProperties())
                        && hasJaas(kafka.getConsumer().getProperties())
                        && hasJaas(kafka.getAdmin().getProperties()))
                || System.getProperty("java.security.auth.login.config") != null) {
            return;
        }
        throw new IllegalStateException("Kafka is configured with security protocol " + protocol
                + " but no credentials: set spring.kafka.properties.sasl.jaas.config (environment variable"
                + " SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG), e.g. org.apache.kafka.common.security.scram.ScramLoginModule"
                + " required username=\"<this service>\" password=\"<its password>\";");
    }

    private static boolean hasJaas(Map<String, String> properties) {
        String jaas = properties.get(JAAS_CONFIG);
        return jaas != null && !jaas.isBlank();
    }
}
