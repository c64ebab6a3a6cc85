package dev.orderflow.fulfillment.console;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * The console's one operator, bound to {@code orderflow.console.*}.
 *
 * @param username the operator's login name
 * @param password a password-encoder string, {@code {bcrypt}$2a$...} or {@code {noop}secret}; none by default, and
 *     without one the console is disabled (from the environment: {@code ORDERFLOW_CONSOLE_PASSWORD})
 */
@ConfigurationProperties("orderflow.console")
public record ConsoleProperties(
        @DefaultValue("admin") String username, @Nullable String password) {

    public boolean enabled() {
        return StringUtils.hasText(password);
    }
}
