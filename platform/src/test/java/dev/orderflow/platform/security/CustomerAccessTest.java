package dev.orderflow.platform.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class CustomerAccessTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCustomerReachesOnlyTheirOwnData() {
        authenticate("alice", Scopes.CUSTOMER);

        assertThatCode(() -> CustomerAccess.requireCustomer("alice")).doesNotThrowAnyException();
        assertThatThrownBy(() -> CustomerAccess.requireCustomer("bob")).isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(CustomerAccess::requireAdmin).isInstanceOf(AccessDeniedProblem.class);
    }

    @Test
    void anOperatorReachesEveryCustomersData() {
        authenticate("ops", Scopes.ADMIN);

        assertThatCode(() -> CustomerAccess.requireCustomer("bob")).doesNotThrowAnyException();
        assertThatCode(CustomerAccess::requireAdmin).doesNotThrowAnyException();
        assertThatCode(() -> CustomerAccess.requireScope(Scopes.PAYMENTS_WRITE)).doesNotThrowAnyException();
    }

    @Test
    void aServiceWhoseClientIdLooksLikeACustomerIsNoCustomer() {
        authenticate("alice", Scopes.PAYMENTS_WRITE);

        assertThatThrownBy(() -> CustomerAccess.requireCustomer("alice")).isInstanceOf(AccessDeniedProblem.class);
        assertThatCode(() -> CustomerAccess.requireScope(Scopes.PAYMENTS_WRITE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> CustomerAccess.requireScope(Scopes.NOTIFICATIONS_WRITE))
                .isInstanceOf(AccessDeniedProblem.class);
    }

    @Test
    void aServiceWithTheScopeActsForAnyCustomer() {
        authenticate("billing-service", Scopes.NOTIFICATIONS_WRITE);

        assertThatCode(() -> CustomerAccess.requireCustomerOr("bob", Scopes.NOTIFICATIONS_WRITE))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> CustomerAccess.requireCustomer("bob")).isInstanceOf(AccessDeniedProblem.class);
    }

    @Test
    void nobodyAuthenticatedReachesNothing() {
        assertThatThrownBy(() -> CustomerAccess.requireCustomer("alice")).isInstanceOf(AccessDeniedProblem.class);
    }

    private static void authenticate(String subject, String... scopes) {
        Jwt jwt = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject(subject)
                .claim("scope", List.of(scopes))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build();
        SecurityContextHolder.getContext()
                .setAuthentication(new JwtAuthenticationToken(
                        jwt,
                        Arrays.stream(scopes)
                                .map(scope -> new SimpleGrantedAuthority(Scopes.authority(scope)))
                                .toList()));
    }
}
