package dev.orderflow.platform.security;

import dev.orderflow.testsupport.Tokens;
import java.io.InputStream;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * A micro-measure, not a test: what checking one token costs a service per request (RS256 signature, expiry and
 * claims), with the decoder the platform configures. Run it with the test classpath, e.g. from an IDE, or
 * {@code java -cp "platform/target/test-classes:platform/target/classes:$(cat cp.txt)"
 * dev.orderflow.platform.security.JwtValidationCost}.
 */
public final class JwtValidationCost {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        RSAPublicKey key;
        try (InputStream pem = URI.create(Tokens.publicKeyLocation()).toURL().openStream()) {
            key = RsaKeyConverters.x509().convert(pem);
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key).build();
        decoder.setJwtValidator(JwtValidators.createDefault());
        String token = Tokens.customer("alice");

        for (int i = 0; i < rounds; i++) {
            decoder.decode(token);
        }
        for (int round = 0; round < 3; round++) {
            long started = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                decoder.decode(token);
            }
            double micros = (System.nanoTime() - started) / 1_000.0 / rounds;
            System.out.printf("JWT validation: %.1f µs per token (%d tokens)%n", micros, rounds);
        }
    }
}
