package dev.orderflow.fulfillment.destinations;

import java.time.Instant;

/**
 * A stored connection: its authorization type, the non-secret part (Basic username or API key header name) and the
 * secret, encrypted ({@link SecretBox}). Never holds a secret in the clear.
 */
public record Connection(
        String name, AuthorizationType type, String principal, String encryptedSecret, Instant updatedAt) {

    public enum AuthorizationType {
        BASIC,
        API_KEY,
        NONE
    }

    @Override
    public String toString() {
        return "Connection[" + name + ", " + type + ", " + principal + "]";
    }
}
