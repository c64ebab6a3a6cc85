package dev.orderflow.fulfillment.console;

import dev.orderflow.platform.security.ResourceServerAutoConfiguration;
import dev.orderflow.platform.security.Scopes;
import jakarta.servlet.Filter;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The console's own filter chain, for {@code /console/**} only and ahead of the API's bearer-token chain, which stays
 * as the platform builds it: form login of the one operator of {@link ConsoleProperties}, a session cookie, CSRF
 * tokens on every form. Without a password every console page says that the console is disabled.
 *
 * <p>An auto-configuration ordered after the platform's, not a plain configuration: the platform builds the API chain
 * only when the service declares no chain of its own, and a service's own configuration is read before every
 * auto-configuration.
 */
@AutoConfiguration(after = ResourceServerAutoConfiguration.class)
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleSecurityConfiguration {

    static final String LOGIN = "/console/login";

    /** The message of every console page while no operator password is configured. */
    static final String DISABLED = "console disabled: set orderflow.console.password";

    private static final Logger log = LoggerFactory.getLogger(ConsoleSecurityConfiguration.class);

    /** What the pages load; nothing from elsewhere, no inline script. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self';"
                    + " frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain consoleFilterChain(HttpSecurity http, ConsoleProperties properties) throws Exception {
        http.securityMatcher("/console", "/console/**");
        if (!properties.enabled()) {
            log.warn("The operator console at /console is disabled: set orderflow.console.password"
                    + " (ORDERFLOW_CONSOLE_PASSWORD) to a {bcrypt} or {noop} password");
            return http.csrf(csrf -> csrf.disable())
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .addFilterBefore(disabledPage(), AuthorizationFilter.class)
                    .build();
        }
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(operator(properties));
        provider.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return http.authenticationManager(new ProviderManager(provider))
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers(LOGIN, "/console/console.css", "/console/console.js")
                                .permitAll()
                                .anyRequest()
                                .hasAuthority(Scopes.authority(Scopes.ADMIN)))
                .formLogin(form -> form.loginPage(LOGIN)
                        .loginProcessingUrl(LOGIN)
                        .defaultSuccessUrl("/console", false)
                        .failureUrl(LOGIN + "?error"))
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN + "?logout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .build();
    }

    /** The operator, with the {@value Scopes#ADMIN} right that the API gives an operator's token. */
    private static InMemoryUserDetailsManager operator(ConsoleProperties properties) {
        String password = properties.password();
        if (password == null || !password.matches("(?s)\\{[A-Za-z0-9_-]+}.+")) {
            throw new IllegalStateException("orderflow.console.password must be a password-encoder string such as"
                    + " {bcrypt}$2a$10$... or {noop}secret");
        }
        UserDetails user = User.withUsername(properties.username())
                .password(password)
                .authorities(Scopes.authority(Scopes.ADMIN))
                .build();
        return new InMemoryUserDetailsManager(user);
    }

    private static Filter disabledPage() {
        return (request, response, chain) -> {
            var http = (jakarta.servlet.http.HttpServletResponse) response;
            http.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            http.setContentType(MediaType.TEXT_HTML_VALUE);
            http.setCharacterEncoding(StandardCharsets.UTF_8.name());
            String message = HtmlUtils.htmlEscape(DISABLED);
            http.getWriter()
                    .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>orderflow console"
                            + "</title></head><body><h1>orderflow console</h1><p id=\"disabled\">" + message
                            + "</p></body></html>");
        };
    }
}
