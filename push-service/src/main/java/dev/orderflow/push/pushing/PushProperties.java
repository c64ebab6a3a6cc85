package dev.orderflow.push.pushing;

import dev.orderflow.platform.dispatch.RetrySettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of push-service, bound to {@code orderflow.push.*}.
 *
 * @param sender which {@link PushSender} delivers pushes: {@code log} (the default) writes one log line per push
 * @param dispatch how the {@link PushDispatcher} sends and retries ({@code orderflow.push.dispatch.*})
 */
@ConfigurationProperties("orderflow.push")
public record PushProperties(
        @DefaultValue("log") String sender, @DefaultValue RetrySettings dispatch) {}
