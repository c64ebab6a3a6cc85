package dev.orderflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.testsupport.Tokens;
import java.io.InputStream;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class VerifiedTokensTest {

    private final AtomicInteger checks = new AtomicInteger();
    private JwtDecoder checking;

    @BeforeEach
    void decoder() throws Exception {
        RSAPublicKey key;
        try (InputStream pem = URI.create(Tokens.publicKeyLocation()).toURL().openStream()) {
            key = RsaKeyConverters.x509().convert(pem);
        }
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(key).build();
        nimbus.setJwtValidator(JwtValidators.createDefault());
        checking = token -> {
            checks.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    @Test
    void checksATokenOnceAndAnswersItsRepeatsFromMemory() {
        VerifiedTokens tokens = new VerifiedTokens(checking, 100, Duration.ofMinutes(5), Clock.systemUTC());
        String token = Tokens.customer("alice");

        Jwt first = tokens.decode(token);
        Jwt again = tokens.decode(token);

        assertThat(again).isSameAs(first);
        assertThat(again.getSubject()).isEqualTo("alice");
        assertThat(checks).hasValue(1);
        assertThat(tokens.decode(Tokens.customer("bob")).getSubject()).isEqualTo("bob");
        assertThat(checks).hasValue(2);
    }

    @Test
    void refusesABadTokenEveryTimeAndRemembersNothingOfIt() {
        VerifiedTokens tokens = new VerifiedTokens(checking, 100, Duration.ofMinutes(5), Clock.systemUTC());
        String forged = Tokens.signedByAnotherKey("alice");
        String expired = Tokens.expired("alice");

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
            assertThatThrownBy(() -> tokens.decode(expired)).isInstanceOf(JwtException.class);
        }

        assertThat(checks).hasValue(4);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void checksATokenAgainOnceItHasExpired() {
        MovableClock clock = new MovableClock(Instant.now());
        VerifiedTokens tokens = new VerifiedTokens(checking, 100, Duration.ofDays(1), clock);
        String token = Tokens.customer("alice");
        Jwt jwt = tokens.decode(token);

        clock.set(jwt.getExpiresAt());
        tokens.decode(token);

        assertThat(checks).hasValue(2);
    }

    @Test
    void remembersATokenNoLongerThanItsMaximumAge() {
        MovableClock clock = new MovableClock(Instant.now());
        VerifiedTokens tokens = new VerifiedTokens(checking, 100, Duration.ofSeconds(1), clock);
        String token = Tokens.customer("alice");
        tokens.decode(token);
        assertThat(tokens.size()).isEqualTo(1);

        clock.set(clock.instant().plusSeconds(2));

        assertThat(tokens.size()).isZero();
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
