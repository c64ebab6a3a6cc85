package dev.orderflow.billing.notifying;

import dev.orderflow.platform.interaction.ConditionalOnInteraction;
import dev.orderflow.platform.interaction.Interaction;
import dev.orderflow.platform.observability.TraceContexts;
import dev.orderflow.platform.security.ServiceTokens;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * Style I: billing tells notification-service of each outcome over HTTP, after the commit and at least once, through
 * the platform's {@link dev.orderflow.platform.dispatch.Dispatcher} over {@code notification_calls}. (notification
 * service's {@code payment} listener is off in this style.)
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnInteraction(Interaction.HTTP)
@EnableConfigurationProperties(NotificationServiceProperties.class)
class NotifyOverHttp {

    @Bean
    NotificationCalls notificationCalls(JdbcClient jdbc) {
        return new NotificationCalls(jdbc);
    }

    @Bean
    NotificationCallDispatcher notificationCallDispatcher(
            NotificationCalls calls,
            NotificationServiceProperties properties,
            TransactionTemplate transactions,
            DataSource dataSource,
            ServiceTokens serviceTokens,
            RestClient.Builder client,
            TraceContexts traces) {
        return new NotificationCallDispatcher(
                calls,
                new NotificationCallSender(properties, serviceTokens, client),
                properties,
                transactions,
                dataSource,
                traces);
    }

    @Bean
    CustomerNotifications customerNotifications(
            NotificationCalls calls, NotificationCallDispatcher dispatcher, TraceContexts traces) {
        return outcome -> {
            calls.add(outcome, traces.current());
            dispatcher.wakeUpAfterCommit();
        };
    }
}
