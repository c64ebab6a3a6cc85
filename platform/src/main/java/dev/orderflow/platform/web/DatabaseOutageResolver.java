package dev.orderflow.platform.web;

import dev.orderflow.platform.database.DatabaseOutage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last resort for a database outage that no exception handler took, such as a persistence provider's own exception
 * that was never translated into Spring's: a {@code 503} problem with {@code Retry-After} instead of a {@code 500}.
 */
final class DatabaseOutageResolver implements HandlerExceptionResolver {

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
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
