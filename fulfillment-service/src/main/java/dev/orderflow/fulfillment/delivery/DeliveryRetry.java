package dev.orderflow.fulfillment.delivery;

import dev.orderflow.fulfillment.FulfillmentProperties;
import dev.orderflow.fulfillment.targets.Delivery;
import dev.orderflow.fulfillment.targets.TargetRefusedException;
import dev.orderflow.fulfillment.targets.TargetRetryPolicy;
import dev.orderflow.platform.dispatch.RetryDecision;
import dev.orderflow.platform.work.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: with exponential backoff and jitter ({@code first-retry}, doubling up to
 * {@code max-retry}, each wait drawn between half and all of that) until the target's {@link TargetRetryPolicy} runs
 * out, its maximum retries or its maximum event age at the time of the next attempt. A {@link TargetRefusedException}
 * is final at once.
 */
final class DeliveryRetry implements RetryDecision<StoredDelivery> {

    private final RetryPolicy backoff;

    DeliveryRetry(FulfillmentProperties.Delivery settings) {
        this.backoff =
                new RetryPolicy(TargetRetryPolicy.MAX_RETRY_ATTEMPTS + 1, settings.firstRetry(), settings.maxRetry());
    }

    @Override
    public Instant nextAttempt(StoredDelivery row, Exception failure, Instant now) {
        if (failure instanceof TargetRefusedException) {
            return null;
        }
        Delivery delivery = row.toDelivery();
        TargetRetryPolicy policy = delivery.target().retryPolicy();
        int failedAttempts = delivery.attempts() + 1;
        if (failedAttempts > policy.maximumRetryAttempts()) {
            return null;
        }
        Duration delay = backoff.delay(failedAttempts);
        long jittered = delay.toMillis() / 2 + ThreadLocalRandom.current().nextLong(delay.toMillis() / 2 + 1);
        Instant retryAt = now.plusMillis(jittered);
        return retryAt.isAfter(delivery.eventTime().plus(policy.maximumEventAge())) ? null : retryAt;
    }
}
