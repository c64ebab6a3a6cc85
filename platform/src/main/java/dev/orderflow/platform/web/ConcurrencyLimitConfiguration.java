package dev.orderflow.platform.web;

import dev.orderflow.platform.PlatformProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the {@link ConcurrencyLimitFilter} in front of every request of a servlet service. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConcurrencyLimitConfiguration {

    /**
     * Right after the observation filter ({@code HIGHEST_PRECEDENCE + 1}), so rejections show in
     * {@code http.server.requests}, and before every filter that does work for the request, such as reading a form.
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<ConcurrencyLimitFilter> concurrencyLimitFilter(
            PlatformProperties properties, ObjectProvider<WebEndpointProperties> actuator) {
        String actuatorBasePath =
                actuator.getIfAvailable(WebEndpointProperties::new).getBasePath();
        FilterRegistrationBean<ConcurrencyLimitFilter> registration =
                new FilterRegistrationBean<>(new ConcurrencyLimitFilter(properties.web(), actuatorBasePath));
        registration.setOrder(ORDER);
        return registration;
    }
}
