package dev.orderflow.auth.keys;

import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The signing key in table {@code signing_keys}: the oldest one is used; on first start one is generated and inserted
 * with {@code on conflict do nothing}, then read back, so instances that start together end up with the same key.
 */
@Component
public class SigningKeys {

    private static final String ALGORITHM = "RS256";

    private final JdbcClient jdbc;

    public SigningKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The key to sign with, created on first use. */
    public RSAKey current() {
        return find().orElseGet(() -> {
            insert(generate());
            return find().orElseThrow();
        });
    }

    private Optional<RSAKey> find() {
        return jdbc.sql("select key_id, private_key, public_key from signing_keys order by created_at, key_id limit 1")
                .query((rs, row) ->
                        toKey(rs.getString("key_id"), rs.getString("private_key"), rs.getString("public_key")))
                .optional();
    }

    private void insert(RSAKey key) {
        try {
            jdbc.sql("""
                            insert into signing_keys (key_id, algorithm, private_key, public_key)
                            values (:keyId, :algorithm, :privateKey, :publicKey)
                            on conflict do nothing""")
                    .param("keyId", key.getKeyID())
                    .param("algorithm", ALGORITHM)
                    .param("privateKey", encode(key.toRSAPrivateKey().getEncoded()))
                    .param("publicKey", encode(key.toRSAPublicKey().getEncoded()))
                    .update();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("cannot encode the generated signing key", e);
        }
    }

    private static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static RSAKey toKey(String keyId, String privateKey, String publicKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateKey privateRsa = (RSAPrivateKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
            RSAPublicKey publicRsa = (RSAPublicKey) rsa.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            return new RSAKey.Builder(publicRsa)
                    .privateKey(privateRsa)
                    .keyID(keyId)
                    .build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + keyId + " in the database cannot be read", e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
