package dev.orderflow.notification.notifying;

import dev.orderflow.platform.dispatch.Dispatcher;
import dev.orderflow.platform.dispatch.RetryDecision;
import dev.orderflow.platform.observability.TraceContexts;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the PENDING e-mails of committed notifications, outside the transactions that stored them: SMTP is slow and
 * fallible, and the Kafka consumer must neither wait for it nor fail with it. The platform's {@link Dispatcher} over
 * the {@link EmailQueue}: each e-mail in its own transaction holding its row, marked SENT, or retried with exponential
 * backoff and marked FAILED after the configured number of attempts; at least once (docs/adr/0006).
 *
 * <p>Without a mail server it is {@link #enabled() disabled} and notifications are only stored.
 */
@Component
public class EmailDispatcher extends Dispatcher<DueEmail> {

    private final EmailSender sender;

    EmailDispatcher(
            EmailQueue queue,
            EmailSender sender,
            NotificationProperties properties,
            TransactionTemplate transactions,
            DataSource dataSource,
            TraceContexts traces) {
        super(
                "email-dispatcher",
                queue,
                sender,
                RetryDecision.backoff(properties.email().dispatch(), DueEmail::attempts),
                properties.email().dispatch(),
                transactions,
                dataSource,
                traces);
        this.sender = sender;
    }

    /** Whether a mail server is configured. */
    @Override
    public boolean enabled() {
        return sender.available();
    }
}
