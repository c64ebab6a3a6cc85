package dev.orderflow.platform.web;

import dev.orderflow.platform.database.DatabaseOutage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one answer to a database outage during a request, as {@link DatabaseOutage} defines it: the database could not be
 * reached, or went away in the middle of a transaction (even its rollback failed), whether Spring translated the
 * failure or the persistence provider threw its own. The client is told to come back (a {@code 503} problem with
 * {@code Retry-After}) instead of being given a {@code 500}; the transaction did not commit, so nothing is left
 * half-written. Not logged, as it happens to many requests at once; the metrics count it
 * ({@code hikaricp.connections.timeout}, and {@code http.server.requests} with status 503). It runs after the
 * exception handlers, so a service's own handler of a data access exception (a concurrent change as a {@code 409})
 * comes first.
 */
final class DatabaseOutageResolver implements HandlerExceptionResolver {

    @Override
    public @Nullable ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception failure) {
        if (!DatabaseOutage.isCause(failure) || response.isCommitted()) {
            return null;
        }
        try {
            response.reset();
            Problems.write(Problems.databaseUnavailable(), response);
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }
}
