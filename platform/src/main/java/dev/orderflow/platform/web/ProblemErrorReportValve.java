package dev.orderflow.platform.web;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.ExceptionUtils;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word on an error, as problem+json instead of its HTML page. Tomcat answers some requests itself before
 * they reach Spring (a URL with malformed percent-encoding, an encoded NUL or an invalid path); this writes their
 * {@code 400} like every other problem of the service. It replaces Tomcat's own error report valve.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            byte[] body = Problems.toJson(ProblemErrorController.forStatus(status));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(body.length);
            try (OutputStream out = response.getOutputStream()) {
                out.write(body);
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the response cannot be written any more: nothing to answer
        } catch (Throwable t) {
            ExceptionUtils.handleThrowable(t);
        }
    }
}
