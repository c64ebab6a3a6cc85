package dev.orderflow.billing.notifying;

import dev.orderflow.platform.dispatch.RetrySettings;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How billing tells notification-service of outcomes in the HTTP interaction style, bound to
 * {@code orderflow.billing.notification.*}.
 *
 * @param url notification-service's base URL
 * @param timeout how long one call may take, connecting included
 * @param dispatch how calls are retried; one that is never answered is given up only after {@code maxAttempts}
 */
@ConfigurationProperties("orderflow.billing.notification")
public record NotificationServiceProperties(
        @DefaultValue("http://localhost:8083") URI url,
        @DefaultValue("2s") Duration timeout,
        @DefaultValue RetrySettings dispatch) {}
