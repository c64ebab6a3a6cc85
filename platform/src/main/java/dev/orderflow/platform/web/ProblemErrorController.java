package dev.orderflow.platform.web;

import dev.orderflow.platform.database.DatabaseOutage;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Answers what reaches the servlet container's error page (an exception no handler took, a {@code sendError} from a
 * filter or from the container itself) with a problem+json body instead of Spring Boot's own JSON or a whitelabel
 * page, so that every answer of the service has the same shape. A 5xx says nothing about its cause; the cause is
 * logged. A database outage is a {@code 503} with {@code Retry-After}, as everywhere else.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : HttpStatus.INTERNAL_SERVER_ERROR.value();
        ProblemDetail problem;
        if (DatabaseOutage.isCause(failure)) {
            problem = Problems.databaseUnavailable();
        } else {
            problem = forStatus(status);
            if (status >= 500 && failure != null) {
                log.error("Request {} failed", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
            }
        }
        response.resetBuffer();
        Problems.write(problem, response);
    }

    /** A problem for a status the container or a filter chose, with a detail that gives nothing away. */
    static ProblemDetail forStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known != null ? known.getReasonPhrase() : "Error " + status;
        String detail;
        if (status == HttpStatus.BAD_REQUEST.value()) {
            detail = "The request is malformed: its URL, headers or encoding cannot be read.";
        } else if (status == HttpStatus.NOT_FOUND.value()) {
            detail = "There is nothing at this path.";
        } else if (status >= 500) {
            detail = "The service failed to answer the request.";
        } else {
            detail = title + ".";
        }
        return Problems.of(HttpStatus.valueOf(status), title, detail);
    }
}
