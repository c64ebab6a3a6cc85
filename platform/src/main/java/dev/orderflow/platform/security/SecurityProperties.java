package dev.orderflow.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks its callers, bound to {@code orderflow.security.*}. Where the signing keys come from is Spring
 * Boot's own {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} (or {@code public-key-location}).
 *
 * @param enabled whether requests need a token; when off, every request acts as an operator (for experiments only)
 * @param publicPaths paths that need no token, besides health: e.g. a receiver with its own authentication
 * @param adminPaths paths that need the {@value Scopes#ADMIN} scope whatever the handler checks: a service whose API is
 *     the operators' alone (fulfillment-service) says {@code /**}
 * @param issuer if set, a token must have been issued by it ({@code iss})
 * @param defaultJwkSetUri the auth-service JWK set used when Boot's properties name none
 * @param serviceToken a fixed token for this service's calls to others, instead of client credentials (tests only)
 */
@ConfigurationProperties("orderflow.security")
public record SecurityProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue List<String> publicPaths,
        @DefaultValue List<String> adminPaths,
        String issuer,
        @DefaultValue("http://localhost:8090/oauth2/jwks") String defaultJwkSetUri,
        String serviceToken) {}
