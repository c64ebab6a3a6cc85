package dev.orderflow.push.pushing;

import dev.orderflow.platform.dispatch.Dispatcher;
import dev.orderflow.platform.dispatch.RetryDecision;
import dev.orderflow.platform.observability.TraceContexts;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the PENDING pushes the listener recorded, through the {@link PushSender}, outside the listener's transaction:
 * a push provider is remote and fallible, and the Kafka consumer must neither wait for it nor fail with it. The
 * platform's {@link Dispatcher} over the {@link PushQueue}: each push in its own transaction holding its row, marked
 * SENT, or retried with exponential backoff and marked FAILED after the configured number of attempts; at least once,
 * the record once per (event, token) (docs/adr/0006).
 */
@Component
public class PushDispatcher extends Dispatcher<Push> {

    PushDispatcher(
            PushQueue queue,
            PushSender sender,
            PushProperties settings,
            TransactionTemplate transactions,
            DataSource dataSource,
            TraceContexts traces) {
        super(
                "push-dispatcher",
                queue,
                sender::send,
                RetryDecision.backoff(settings.dispatch(), Push::attempts),
                settings.dispatch(),
                transactions,
                dataSource,
                traces);
    }
}
