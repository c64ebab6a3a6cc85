package dev.orderflow.auth.devtokens;

import dev.orderflow.auth.AuthProperties;
import dev.orderflow.auth.Scopes;
import dev.orderflow.auth.customers.Customers;
import dev.orderflow.platform.web.CustomerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /dev/tokens} with {@code {"customerId": "alice"}} (registering the customer if new) or
 * {@code {"admin": true}} answers a token as the token endpoint would, for {@code bin/token}, the Postman collection
 * and the README walkthrough. Only {@code bin/stack} and the compose file set
 * {@code orderflow.auth.dev-tokens.enabled}; without it this controller does not exist.
 */
@RestController
@Validated
@ConditionalOnBooleanProperty("orderflow.auth.dev-tokens.enabled")
class DevTokenController {

    private final JwtEncoder encoder;
    private final Customers customers;
    private final AuthProperties properties;
    private final String issuer;

    DevTokenController(
            JwtEncoder encoder, Customers customers, AuthProperties properties, AuthorizationServerSettings server) {
        this.encoder = encoder;
        this.customers = customers;
        this.properties = properties;
        this.issuer = server.getIssuer();
    }

    /**
     * A customer's token or an operator's. The customer id follows the platform's {@link CustomerId} rule, spelt out
     * from its parts here because an operator's request has none.
     */
    record TokenRequest(
            @Size(min = 1, max = CustomerId.MAX_LENGTH)
            @Pattern(regexp = CustomerId.PATTERN, message = CustomerId.MESSAGE)
            String customerId,

            Boolean admin) {

        boolean forAdmin() {
            return Boolean.TRUE.equals(admin);
        }
    }

    /** The request asks for both a customer's and an operator's token, or for neither. */
    static class EitherCustomerOrAdmin extends RuntimeException {}

    record TokenResponse(String access_token, String token_type, long expires_in, String scope) {}

    @PostMapping("/dev/tokens")
    TokenResponse token(@Valid @RequestBody TokenRequest request) {
        if (request.forAdmin() == (request.customerId() != null)) {
            throw new EitherCustomerOrAdmin();
        }
        String subject = request.forAdmin() ? "orderflow-admin" : request.customerId();
        String scope = request.forAdmin() ? Scopes.ADMIN : Scopes.CUSTOMER;
        if (!request.forAdmin()) {
            customers.ensure(request.customerId());
        }
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .subject(subject)
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(properties.devTokens().timeToLive()))
                .id(UUID.randomUUID().toString())
                .claim("scope", List.of(scope));
        if (issuer != null) {
            claims.issuer(issuer);
        }
        String token = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build()))
                .getTokenValue();
        return new TokenResponse(
                token, "Bearer", properties.devTokens().timeToLive().toSeconds(), scope);
    }
}
