package dev.orderflow.billing.notifying;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.platform.interaction.ConditionalOnInteraction;
import dev.orderflow.platform.interaction.Interaction;
import org.springframework.stereotype.Component;

/** Styles III and II: notification-service reads the outcome from {@code payment}; nothing more to do here. */
@Component
@ConditionalOnInteraction({Interaction.EVENTS, Interaction.MIXED})
class NotifyThroughEvents implements CustomerNotifications {

    @Override
    public void tell(CloudEvent outcome) {
        // the outbox's record on the payment topic is the notification
    }
}
