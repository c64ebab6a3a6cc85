package dev.orderflow.fulfillment.deadletters;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kafka identity a redrive sends with, bound to {@code orderflow.fulfillment.redrive.*}: not the service's own
 * principal, which may not write {@code billing} or {@code payment}, but {@code fulfillment-redrive}, which may write
 * the event topics and nothing else (docs/adr/0010-least-privilege.md). Used only where the service itself
 * authenticates to Kafka with SASL; without SASL (the tests' broker) the redrive sends with the service's connection.
 *
 * @param kafkaUsername the redrive principal's SCRAM user
 * @param kafkaPassword its password, from the environment ({@code ORDERFLOW_FULFILLMENT_REDRIVE_KAFKA_PASSWORD});
 *     without one, dead letters that go back to Kafka cannot be redriven (a {@code 503} saying what to set)
 */
@ConfigurationProperties("orderflow.fulfillment.redrive")
public record RedriveProperties(
        @DefaultValue("fulfillment-redrive") String kafkaUsername, String kafkaPassword) {

    public boolean hasCredentials() {
        return kafkaPassword != null && !kafkaPassword.isBlank();
    }

    @Override
    public String toString() {
        return "RedriveProperties[kafkaUsername=" + kafkaUsername + ", kafkaPassword="
                + (hasCredentials() ? "******" : "none") + "]";
    }
}
