package dev.orderflow.testsupport;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Real signed JWTs for tests, without auth-service: one RSA key per test JVM, whose public key the services under test
 * trust (see {@link #publicKeyLocation()}). The tokens look like auth-service's: a customer's has the customer id as
 * subject and the scope {@code orderflow.customer}; an operator's has {@code orderflow.admin}.
 */
public final class Tokens {

    /** The scopes, as the platform names them; repeated here as test-support does not depend on the platform. */
    public static final String ADMIN_SCOPE = "orderflow.admin";

    public static final String CUSTOMER_SCOPE = "orderflow.customer";

    private static final KeyPair KEYS = generate();
    private static final NimbusJwtEncoder ENCODER = encoder(KEYS);
    private static Path publicKeyFile;

    private Tokens() {}

    /** A token of the customer: subject = customer id, scope {@code orderflow.customer}. */
    public static String customer(String customerId) {
        return issue(customerId, List.of(CUSTOMER_SCOPE));
    }

    /** An operator's token, scope {@code orderflow.admin}. */
    public static String admin() {
        return issue("orderflow-admin", List.of(ADMIN_SCOPE));
    }

    /** A service's client-credentials token with the given scopes. */
    public static String service(String clientId, String... scopes) {
        return issue(clientId, List.of(scopes));
    }

    /** A token whose signature no service trusts: signed by a key of its own. */
    public static String signedByAnotherKey(String customerId) {
        JwtClaimsSet claims = claims(customerId, List.of(CUSTOMER_SCOPE), Instant.now());
        return encoder(generate())
                .encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    /** A customer's token that expired twelve hours ago. */
    public static String expired(String customerId) {
        return encode(claims(customerId, List.of(CUSTOMER_SCOPE), Instant.now().minus(Duration.ofDays(1))));
    }

    /** The {@code Authorization} header value for the token. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A {@code file:} location of the PEM of the public key, for {@code ...resourceserver.jwt.public-key-location}. */
    public static synchronized String publicKeyLocation() {
        if (publicKeyFile == null) {
            try {
                Path file = Files.createTempFile("orderflow-test-jwt-", ".pem");
                file.toFile().deleteOnExit();
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes())
                                .encodeToString(KEYS.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(file, pem);
                publicKeyFile = file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the test JWT public key", e);
            }
        }
        return publicKeyFile.toUri().toString();
    }

    private static String issue(String subject, List<String> scopes) {
        return encode(claims(subject, scopes, Instant.now()));
    }

    private static JwtClaimsSet claims(String subject, List<String> scopes, Instant issuedAt) {
        return JwtClaimsSet.builder()
                .issuer("http://localhost:8090")
                .subject(subject)
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(Duration.ofHours(12)))
                .id(UUID.randomUUID().toString())
                .claim("scope", scopes)
                .build();
    }

    private static String encode(JwtClaimsSet claims) {
        return ENCODER.encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    private static NimbusJwtEncoder encoder(KeyPair keys) {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                .privateKey((RSAPrivateKey) keys.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(key)));
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
