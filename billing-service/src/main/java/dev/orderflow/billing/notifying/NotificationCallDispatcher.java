package dev.orderflow.billing.notifying;

import dev.orderflow.platform.dispatch.Dispatcher;
import dev.orderflow.platform.dispatch.RetryDecision;
import dev.orderflow.platform.observability.TraceContexts;
import javax.sql.DataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Calls notification-service for each row of {@code notification_calls} after the transaction that wrote it, and
 * again after a failure or a crash, until it answers: at least once. notification-service keeps one notification per
 * event id, so a repeated call stores nothing new.
 */
class NotificationCallDispatcher extends Dispatcher<NotificationCall> {

    NotificationCallDispatcher(
            NotificationCalls calls,
            NotificationCallSender sender,
            NotificationServiceProperties properties,
            TransactionTemplate transactions,
            DataSource dataSource,
            TraceContexts traces) {
        super(
                "notification-calls",
                calls,
                sender,
                RetryDecision.backoff(properties.dispatch(), NotificationCall::attempts),
                properties.dispatch(),
                transactions,
                dataSource,
                traces);
    }
}
