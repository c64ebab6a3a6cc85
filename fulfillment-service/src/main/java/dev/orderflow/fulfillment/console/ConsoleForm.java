package dev.orderflow.fulfillment.console;

import dev.orderflow.platform.json.ControlCharacters;
import dev.orderflow.platform.web.ChecksItsOwnParameters;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a console page was sent: its query or form fields, each as the operator typed it.
 *
 * <p>The platform refuses a request parameter with a control character as a problem document before a controller
 * sees it. That is right for the API's ids, wrong for the console, whose text areas hold JSON over several lines and
 * whose refusals must be a message on the page beside what was typed. So the console's controllers are marked
 * {@link ChecksItsOwnParameters} ({@link ConsolePage}) and each page checks its own fields: one-line fields without
 * any control character, JSON with line breaks and tabs.
 */
public final class ConsoleForm {

    private final Map<String, String> values;

    private ConsoleForm(Map<String, String> values) {
        this.values = values;
    }

    /** The form of a console request: the first value of each parameter but the CSRF token. */
    public static ConsoleForm of(HttpServletRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, given) -> {
            if (given.length > 0 && !name.equals("_csrf")) {
                values.put(name, given[0]);
            }
        });
        return new ConsoleForm(Collections.unmodifiableMap(values));
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
}
