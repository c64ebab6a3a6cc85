package dev.orderflow.push.pushing;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The write of an event's pushes, once per event and device: a fragment of {@link PushNotifications}. */
interface EventPushes {

    /**
     * Records a push of the event, due at once, to each device the customer has registered, except to a device that has
     * this event's push already: one statement, whatever the number of devices (the tokens are read inside it).
     *
     * @return how many pushes were recorded
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int insertForEachDevice(String eventId, String customerId, String eventType, String message);
}
