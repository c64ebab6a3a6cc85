package dev.orderflow.platform.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * What the caller's token allows, checked by a controller in the first line of a handler. A customer's token (scope
 * {@value Scopes#CUSTOMER}, subject = customer id) reaches only that customer's data; a token with
 * {@value Scopes#ADMIN} reaches everything. Anything else is an {@link AccessDeniedProblem}, a {@code 403}.
 */
public final class CustomerAccess {

    private CustomerAccess() {}

    /**
     * The request acts on the customer's data: the caller must be that customer, or an operator. A {@code null}
     * customer id passes: the request's validation refuses it.
     */
    public static void requireCustomer(String customerId) {
        requireCustomerOr(customerId, Scopes.ADMIN);
    }

    /**
     * The request acts on the customer's data: the caller must be that customer, an operator, or a service whose token
     * has the given scope (e.g. {@value Scopes#PAYMENTS_WRITE}).
     */
    public static void requireCustomerOr(String customerId, String scope) {
        Set<String> authorities = authorities();
        if (authorities.contains(Scopes.authority(Scopes.ADMIN)) || authorities.contains(Scopes.authority(scope))) {
            return;
        }
        // A missing customer id is left to the request's validation, which answers 400 before anything changes.
        if (customerId == null || customerId.equals(customerId())) {
            return;
        }
        throw new AccessDeniedProblem("This token may not act on the data of customer '" + customerId + "'.");
    }

    /** The request is an operator's: the token must have {@value Scopes#ADMIN}. */
    public static void requireAdmin() {
        requireScope(Scopes.ADMIN);
    }

    /** The request is a service's (or an operator's): the token must have the scope, or {@value Scopes#ADMIN}. */
    public static void requireScope(String scope) {
        Set<String> authorities = authorities();
        if (!authorities.contains(Scopes.authority(scope)) && !authorities.contains(Scopes.authority(Scopes.ADMIN))) {
            throw new AccessDeniedProblem("This needs a token with the scope " + scope + ".");
        }
    }

    /** The customer the token speaks for, or {@code null} for a token that is no customer's (a service, an operator). */
    public static String customerId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> Scopes.authority(Scopes.CUSTOMER).equals(a.getAuthority()))) {
            return jwt.getToken().getSubject();
        }
        return null;
    }

    private static Set<String> authorities() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
    }
}
