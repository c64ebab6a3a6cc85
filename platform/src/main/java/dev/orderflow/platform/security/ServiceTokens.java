package dev.orderflow.platform.security;

import java.io.IOException;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

/**
 * Puts this service's own token on a call to another service (the HTTP interaction styles): a client-credentials token
 * of the client registration {@value #REGISTRATION} ({@code spring.security.oauth2.client.registration.orderflow.*}),
 * fetched from auth-service and reused until it expires. Add it to a {@code RestClient} with
 * {@code requestInterceptor(serviceTokens)}. Tests, which run without auth-service, configure a fixed token instead
 * ({@code orderflow.security.service-token}); without either the call goes out without a token.
 */
public class ServiceTokens implements ClientHttpRequestInterceptor {

    /** The client registration id under which a service's own client is configured. */
    public static final String REGISTRATION = "orderflow";

    private static final AnonymousAuthenticationToken SERVICE =
            new AnonymousAuthenticationToken("service", "service", AuthorityUtils.createAuthorityList("ROLE_SERVICE"));

    private final OAuth2AuthorizedClientManager clients;
    private final String fixedToken;

    ServiceTokens(OAuth2AuthorizedClientManager clients, String fixedToken) {
        this.clients = clients;
        this.fixedToken = fixedToken;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        String token = token();
        if (token != null) {
            request.getHeaders().setBearerAuth(token);
        }
        return execution.execute(request, body);
    }

    /** The token to send, or {@code null} when this service has no client configured. */
    String token() {
        if (fixedToken != null && !fixedToken.isBlank()) {
            return fixedToken;
        }
        if (clients == null) {
            return null;
        }
        OAuth2AuthorizedClient client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                .principal(SERVICE)
                .build());
        return client == null ? null : client.getAccessToken().getTokenValue();
    }
}
