package dev.orderflow.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

/**
 * Makes a service an OAuth 2 resource server: every request but health, Prometheus' scrape, the API documents (and
 * {@code orderflow.security.public-paths})
 * needs a JWT signed by auth-service, checked against its JWK set; {@code orderflow.security.admin-paths} need an
 * operator's; refusals are problems. What else a valid token may touch is the controllers' business, through
 * {@link CustomerAccess}. Not in auth-service: the authorization server issues the tokens and secures itself.
 */
@AutoConfiguration(
        after = OAuth2ClientAutoConfiguration.class,
        before = {
            OAuth2ResourceServerAutoConfiguration.class,
            ServletWebSecurityAutoConfiguration.class,
            ManagementWebSecurityAutoConfiguration.class,
            OAuth2ClientWebSecurityAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnMissingClass("org.springframework.security.oauth2.server.authorization.OAuth2Authorization")
@EnableWebSecurity
@EnableConfigurationProperties({SecurityProperties.class, OAuth2ResourceServerProperties.class})
public class ResourceServerAutoConfiguration {

    static final String HEALTH = "/actuator/health/**";

    /** How many verified tokens a service remembers, and for how long at most (see {@link VerifiedTokens}). */
    static final long VERIFIED_TOKENS = 10_000;

    static final Duration VERIFIED_TOKEN_MAX_AGE = Duration.ofMinutes(5);

    /** The OpenAPI document and Swagger UI describe the API to anyone; every call they make still needs a token. */
    static final List<String> API_DOCS =
            List.of("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**");

    /**
     * Open like health, for a Prometheus server to scrape without a token: counts and latencies by topic, rule, target
     * and status, nothing about a customer. Where the port is reachable from outside, keep it off the public network.
     */
    static final String PROMETHEUS = "/actuator/prometheus";

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain resourceServerFilterChain(HttpSecurity http, SecurityProperties properties) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        if (!properties.enabled()) {
            // Security switched off: every request acts as an operator, so the controllers' checks pass.
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .anonymous(anonymous -> anonymous.authorities(Scopes.authority(Scopes.ADMIN)))
                    .build();
        }
        List<String> open = new ArrayList<>(List.of(HEALTH, PROMETHEUS, "/error"));
        open.addAll(API_DOCS);
        open.addAll(properties.publicPaths());
        SecurityProblems problems = new SecurityProblems();
        return http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers(open.toArray(String[]::new)).permitAll();
                    if (!properties.adminPaths().isEmpty()) {
                        requests.requestMatchers(properties.adminPaths().toArray(String[]::new))
                                .hasAuthority(Scopes.authority(Scopes.ADMIN));
                    }
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server ->
                        server.jwt(jwt -> {}).authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /**
     * A service's own token for its calls to other services: client credentials when
     * {@code spring.security.oauth2.client.registration.orderflow} is configured, else the fixed
     * {@code orderflow.security.service-token}, else none.
     */
    @Bean
    @ConditionalOnMissingBean
    ServiceTokens serviceTokens(
            ObjectProvider<ClientRegistrationRepository> registrations,
            ObjectProvider<OAuth2AuthorizedClientService> authorizedClients,
            SecurityProperties properties) {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        OAuth2AuthorizedClientManager manager = null;
        if (repository != null && repository.findByRegistrationId(ServiceTokens.REGISTRATION) != null) {
            OAuth2AuthorizedClientService service =
                    authorizedClients.getIfAvailable(() -> new InMemoryOAuth2AuthorizedClientService(repository));
            manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(repository, service);
        }
        return new ServiceTokens(manager, properties.serviceToken());
    }

    /**
     * Checks signatures against auth-service's JWK set ({@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri},
     * by default {@code http://localhost:8090/oauth2/jwks}), or against one public key where
     * {@code public-key-location} names it (the tests do).
     */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, SecurityProperties properties)
            throws IOException {
        OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
        NimbusJwtDecoder decoder;
        if (jwt.getPublicKeyLocation() != null) {
            try (InputStream pem = jwt.getPublicKeyLocation().getInputStream()) {
                RSAPublicKey key = RsaKeyConverters.x509().convert(pem);
                decoder = NimbusJwtDecoder.withPublicKey(key).build();
            }
        } else {
            String jwkSetUri =
                    StringUtils.hasText(jwt.getJwkSetUri()) ? jwt.getJwkSetUri() : properties.defaultJwkSetUri();
            decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        }
        decoder.setJwtValidator(
                StringUtils.hasText(properties.issuer())
                        ? JwtValidators.createDefaultWithIssuer(properties.issuer())
                        : JwtValidators.createDefault());
        return new VerifiedTokens(decoder, VERIFIED_TOKENS, VERIFIED_TOKEN_MAX_AGE, Clock.systemUTC());
    }

    /**
     * No observation of Spring Security's own steps: each request's filters, authentication and authorization would
     * each be timed (and, with tracing on, become spans) on every request, a cost out of proportion to what they tell.
     * The request itself is still observed by Spring MVC. A service that wants them declares its own bean.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
