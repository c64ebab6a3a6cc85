package dev.orderflow.fulfillment.delivery;

import dev.orderflow.fulfillment.FulfillmentProperties;
import dev.orderflow.fulfillment.targets.Delivery;
import dev.orderflow.fulfillment.targets.TargetInvoker;
import dev.orderflow.fulfillment.targets.TargetInvokers;
import dev.orderflow.fulfillment.targets.TargetRetryPolicy;
import dev.orderflow.platform.dispatch.DispatchHandler;
import dev.orderflow.platform.dispatch.Dispatcher;
import dev.orderflow.platform.dispatch.RetrySettings;
import dev.orderflow.platform.observability.TraceContexts;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through the due deliveries outside the transactions that recorded them: the platform's {@link Dispatcher}
 * over the {@link DeliveryQueue}, handing each delivery to the {@link TargetInvoker} of its target's type. The
 * transaction of a batch of deliveries holds their rows ({@code for update skip locked}, so instances never deliver one
 * at once); what the target wrote commits exactly with its success, and is rolled back to the dispatcher's savepoint when it failed,
 * while the row stays locked until the failure is recorded (ADR 0006, 0007). A crash before the commit leaves the
 * delivery due, so delivery is at least once.
 *
 * <p>A failed attempt is retried as the {@link DeliveryRetry} decides, by the target's {@link TargetRetryPolicy}; a
 * given-up delivery is {@code FAILED} and the {@link DeadLetterRelay} publishes it.
 */
@Component
public class DeliveryDispatcher extends Dispatcher<StoredDelivery> {

    DeliveryDispatcher(
            DeliveryQueue queue,
            TargetInvokers invokers,
            FulfillmentProperties properties,
            TransactionTemplate transactions,
            DataSource dataSource,
            TraceContexts traces,
            DeliveryMetrics metrics) {
        super(
                "delivery-dispatcher",
                queue,
                deliverWith(invokers, metrics),
                new DeliveryRetry(properties.delivery()),
                settings(properties.delivery()),
                transactions,
                dataSource,
                traces);
    }

    /**
     * Each delivery observed (see {@link DeliveryMetrics}), in the trace of the event's processing, which the
     * dispatcher makes current ({@link DeliveryQueue#traceparent}).
     */
    private static DispatchHandler<StoredDelivery> deliverWith(TargetInvokers invokers, DeliveryMetrics metrics) {
        return row -> {
            Delivery delivery = row.toDelivery();
            TargetInvoker invoker = invokers.forType(delivery.target().type())
                    .orElseThrow(() -> new IllegalStateException("this instance cannot deliver to targets of type "
                            + delivery.target().type()));
            // a PostponedException (a rate limit said not yet) reaches the dispatcher: due again, no attempt counted
            metrics.deliver(delivery, invoker);
        };
    }

    /** The delivery settings as the dispatcher's; the attempts are bounded per target by the {@link DeliveryRetry}. */
    private static RetrySettings settings(FulfillmentProperties.Delivery delivery) {
        return new RetrySettings(
                TargetRetryPolicy.MAX_RETRY_ATTEMPTS + 1,
                delivery.firstRetry(),
                delivery.maxRetry(),
                delivery.pollInterval(),
                Math.max(1, delivery.concurrency()),
                Math.max(1, delivery.batchSize()));
    }
}
