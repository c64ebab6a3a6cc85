package dev.orderflow.fulfillment.delivery;

import dev.orderflow.platform.dispatch.DispatchQueue;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The PENDING deliveries, as the {@link DeliveryDispatcher} works through them: each outcome is a conditional update of
 * the locked row, and a given-up delivery wakes the {@link DeadLetterRelay} once its {@code FAILED} commits.
 */
@Component
class DeliveryQueue implements DispatchQueue<StoredDelivery> {

    private final Deliveries deliveries;
    private final DeadLetterRelay deadLetters;
    private final EntityManager entityManager;
    private final Clock clock;

    DeliveryQueue(
            Deliveries deliveries, DeadLetterRelay deadLetters, EntityManager entityManager, Optional<Clock> clock) {
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
        this.entityManager = entityManager;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    public List<StoredDelivery> lockDue(Instant now, int limit) {
        return deliveries.lockDue(now, limit);
    }

    @Override
    public void markDone(StoredDelivery delivery) {
        deliveries.markDelivered(delivery.id(), clock.instant());
    }

    @Override
    public void markFailed(StoredDelivery delivery, String error, Instant retryAt) {
        forgetWhatTheTargetLoaded();
        if (retryAt != null) {
            deliveries.markRetry(delivery.id(), delivery.attempts(), error, retryAt);
        } else if (deliveries.markFailed(delivery.id(), delivery.attempts(), error, clock.instant()) == 1) {
            deadLetters.wakeUpAfterCommit();
        }
    }

    @Override
    public void postpone(StoredDelivery delivery, Instant until) {
        forgetWhatTheTargetLoaded();
        deliveries.postpone(delivery.id(), delivery.attempts(), until);
    }

    /** The trace context of the processing of the event that routed the delivery. */
    @Override
    public @Nullable String traceparent(StoredDelivery delivery) {
        return delivery.traceparent();
    }

    @Override
    public String describe(StoredDelivery delivery) {
        return "Delivery " + delivery.id() + " of event " + delivery.eventId() + " to " + delivery.ruleName() + "/"
                + delivery.targetId() + " (attempt " + (delivery.attempts() + 1) + ")";
    }

    /**
     * After a failed attempt, nothing a target changed through JPA may be flushed with the outcome: what it wrote was
     * rolled back to the dispatcher's savepoint. The outcome is native SQL by id, so nothing here needs what is dropped.
     */
    private void forgetWhatTheTargetLoaded() {
        entityManager.clear();
    }
}
