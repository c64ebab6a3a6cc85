package dev.orderflow.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that checks each distinct token once: a token that passed its decoder's signature and claim
 * checks is remembered until it expires, at most for {@code maxAge}, so a client that sends the same bearer token with
 * every request (an app for a session, a service for its client-credentials token, the bench) pays for the RS256
 * verification and the claim parsing on its first request only. A token that fails is not remembered: it is checked,
 * and refused, every time. The key is the whole token, signature included, so only the very token that was verified
 * is ever answered from memory.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder decoder, long maximumSize, Duration maxAge, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> timeToKeep(jwt, maxAge)))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && !expired(known)) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        verified.put(token, jwt);
        return jwt;
    }

    private boolean expired(Jwt jwt) {
        return jwt.getExpiresAt() != null && !clock.instant().isBefore(jwt.getExpiresAt());
    }

    private Duration timeToKeep(Jwt jwt, Duration maxAge) {
        if (jwt.getExpiresAt() == null) {
            return maxAge;
        }
        Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : (left.compareTo(maxAge) < 0 ? left : maxAge);
    }

    /** How many verified tokens are remembered now (for tests). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
