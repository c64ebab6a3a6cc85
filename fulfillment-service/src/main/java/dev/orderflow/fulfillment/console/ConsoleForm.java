package dev.orderflow.fulfillment.console;

import dev.orderflow.platform.json.ControlCharacters;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a console page was sent: its query or form fields, each as the operator typed it.
 *
 * <p>The platform refuses any request parameter with a control character as a problem document before a controller
 * sees it. That is right for the API's ids, wrong for the console, whose text areas hold JSON over several lines and
 * whose refusals must be a message on the page beside what was typed. So {@link #filter()} takes the console's
 * parameters aside (after Spring Security has read the login and the CSRF token) and each page checks its own fields:
 * one-line fields without any control character, JSON with line breaks and tabs.
 */
public final class ConsoleForm {

    private static final String ATTRIBUTE = ConsoleForm.class.getName();

    private final Map<String, String> values;

    private ConsoleForm(Map<String, String> values) {
        this.values = values;
    }

    /** The form of a console request. */
    public static ConsoleForm of(HttpServletRequest request) {
        Object form = request.getAttribute(ATTRIBUTE);
        return form instanceof ConsoleForm console ? console : new ConsoleForm(Map.of());
    }

    /** The field as typed, empty when absent. */
    public String get(String name) {
        return values.getOrDefault(name, "");
    }

    /** The field trimmed, or {@code null} when it is absent or blank. */
    public @Nullable String optional(String name) {
        String value = get(name).strip();
        return value.isEmpty() ? null : value;
    }

    public Map<String, String> values() {
        return values;
    }

    /** Why a one-line field is refused, or {@code null}. */
    public @Nullable String lineProblem(String name) {
        return ControlCharacters.problem(get(name), false);
    }

    /** Why a multi-line field (JSON) is refused, or {@code null}. */
    public @Nullable String textProblem(String name) {
        return ControlCharacters.problem(get(name), true);
    }

    /** The filter that takes the console's parameters aside. */
    static OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI()
                        .substring(request.getContextPath().length());
                return !(path.equals("/console") || path.startsWith("/console/"));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Map<String, String> values = new LinkedHashMap<>();
                request.getParameterMap().forEach((name, given) -> {
                    if (given.length > 0 && !name.equals("_csrf")) {
                        values.put(name, given[0]);
                    }
                });
                request.setAttribute(ATTRIBUTE, new ConsoleForm(Map.copyOf(values)));
                chain.doFilter(new WithoutParameters(request), response);
            }
        };
    }

    /** The request as the rest of the application sees it: its parameters are the console's to read. */
    private static final class WithoutParameters extends HttpServletRequestWrapper {

        WithoutParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            return null;
        }
    }
}
