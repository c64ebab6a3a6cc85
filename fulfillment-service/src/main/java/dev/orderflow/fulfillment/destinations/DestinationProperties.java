package dev.orderflow.fulfillment.destinations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of connections and API destinations, bound to {@code orderflow.fulfillment.destinations.*}.
 *
 * @param secretKey the AES key that encrypts connections' secrets at rest: 32 random bytes, Base64-encoded (e.g.
 *     {@code openssl rand -base64 32}). Without one, connections with a secret are refused and none is created.
 * @param timeout how long a call to an API destination may take to connect, and again to answer
 */
@ConfigurationProperties("orderflow.fulfillment.destinations")
public record DestinationProperties(
        String secretKey, @DefaultValue("5s") Duration timeout) {

    /** The properties' text without the key, so that the settings can be logged. */
    @Override
    public String toString() {
        return "DestinationProperties[secretKey=" + (secretKey == null || secretKey.isBlank() ? "none" : "******")
                + ", timeout=" + timeout + "]";
    }
}
