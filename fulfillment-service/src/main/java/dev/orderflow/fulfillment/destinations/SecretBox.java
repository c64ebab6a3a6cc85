package dev.orderflow.fulfillment.destinations;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts connections' secrets at rest with AES-256-GCM: a fresh 96-bit nonce per secret, the connection's name as
 * associated data (a ciphertext copied to another connection does not decrypt), stored as {@code v1:<Base64 of nonce
 * and ciphertext>}. Secure by default: without a configured key nothing can be encrypted or decrypted, so no secret is
 * ever stored in the clear.
 */
@Component
public class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(DestinationProperties properties) {
        this.key = key(properties.secretKey());
    }

    private static SecretKeySpec key(String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("orderflow.fulfillment.destinations.secret-key is not Base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(
                    "orderflow.fulfillment.destinations.secret-key must be 32 bytes (Base64 of 32 random bytes)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** Whether a key is configured, so that secrets can be stored and used. */
    public boolean available() {
        return key != null;
    }

    public String encrypt(String secret, String connection) {
        requireKey();
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(connection.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt the secret of connection " + connection, e);
        }
    }

    public String decrypt(String stored, String connection) {
        requireKey();
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("the secret of connection " + connection + " is not in a known format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(connection.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // no cause: it could carry key material in some providers' messages
            throw new IllegalStateException(
                    "the secret of connection " + connection + " does not decrypt with the configured key");
        }
    }

    private void requireKey() {
        if (key == null) {
            throw new SecretKeyMissingException();
        }
    }

    /** No key is configured: secrets can be neither stored nor used. */
    public static class SecretKeyMissingException extends IllegalStateException {

        SecretKeyMissingException() {
            super("no secret key is configured (orderflow.fulfillment.destinations.secret-key), so connections with a"
                    + " secret can be neither stored nor used");
        }
    }
}
