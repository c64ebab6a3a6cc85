package dev.orderflow.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of auth-service, bound to {@code orderflow.auth.*}.
 *
 * @param devTokens the development route that hands out tokens without a login
 */
@ConfigurationProperties("orderflow.auth")
public record AuthProperties(@DefaultValue DevTokens devTokens) {

    /**
     * {@code POST /dev/tokens}: exists only when {@code enabled}, which only {@code bin/stack} and the compose file
     * set; everywhere else the path is a {@code 404}.
     *
     * @param enabled whether the route exists
     * @param timeToLive how long a token it issues is valid
     */
    public record DevTokens(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("12h") Duration timeToLive) {}
}
