package dev.orderflow.platform.web;

import dev.orderflow.platform.json.ControlCharacters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses a request whose path variables or query parameters (names or values, after percent-decoding) hold a
 * {@link ControlCharacters control character}, with a {@code 400} problem naming each of them, before any controller
 * sees it. It runs once the handler is known, so a path variable is named as the controller names it, and a handler
 * marked {@link ChecksItsOwnParameters} is left its parameters. JSON bodies are checked while they are read.
 */
final class RequestTextInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value), problems));
        }
        // most requests have no parameters: look for the marker (an annotation look-up) only when there are some
        Map<String, String[]> parameters = request.getParameterMap();
        if (!parameters.isEmpty() && !checksItsOwnParameters(handler)) {
            parameters.forEach((name, values) -> {
                String nameProblem = ControlCharacters.problem(name, false);
                if (nameProblem != null) {
                    problems.add(new FieldProblem("query parameter name", nameProblem));
                    return;
                }
                for (String value : values) {
                    check(name, value, problems);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new RefusedRequestTextException(problems);
        }
        return true;
    }

    private static boolean checksItsOwnParameters(Object handler) {
        return handler instanceof HandlerMethod method
                && (method.hasMethodAnnotation(ChecksItsOwnParameters.class)
                        || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ChecksItsOwnParameters.class));
    }

    private static void check(String name, String value, List<FieldProblem> problems) {
        String problem = ControlCharacters.problem(value, false);
        if (problem != null) {
            problems.add(new FieldProblem(name, problem));
        }
    }
}
