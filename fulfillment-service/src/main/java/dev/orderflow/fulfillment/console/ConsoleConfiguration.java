package dev.orderflow.fulfillment.console;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/** Registers {@link ConsoleForm#filter()} behind Spring Security's filters, in front of Spring MVC. */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> consoleFormFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(ConsoleForm.filter());
        registration.addUrlPatterns("/console", "/console/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
