package dev.orderflow.platform.security;

import dev.orderflow.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a request the filter chain refuses with a problem: {@code 401} without a valid token, {@code 403} with a
 * token that lacks the right. The {@code WWW-Authenticate} header stays as RFC 6750 says.
 */
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearerEntryPoint.commence(request, response, e);
        Problems.write(
                Problems.of(
                        HttpStatus.UNAUTHORIZED,
                        "Unauthorized",
                        request.getHeader("Authorization") == null
                                ? "This request needs 'Authorization: Bearer <token>' with a token from auth-service."
                                : "The bearer token is not valid: " + e.getMessage()),
                response);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        bearerAccessDenied.handle(request, response, e);
        Problems.write(
                AccessDeniedProblem.problem(
                        "This token does not allow " + request.getMethod() + " " + path(request) + "."),
                response);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
