package dev.orderflow.push.pushing;

import dev.orderflow.platform.observability.TraceContexts;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The use cases of pushes: record one push per device of the customer for an event, and list what was sent. The
 * {@link PushDispatcher} sends what is recorded, after the commit.
 */
@Service
public class PushManagement {

    private final PushNotifications pushes;
    private final PushDispatcher dispatcher;
    private final TraceContexts traces;

    PushManagement(PushNotifications pushes, PushDispatcher dispatcher, TraceContexts traces) {
        this.pushes = pushes;
        this.dispatcher = dispatcher;
        this.traces = traces;
    }

    /**
     * Records a push of the message to each of the customer's tokens, once per (event, token), to be sent in the
     * current trace (the event's processing). Runs in the caller's transaction (the idempotent-consumer guard's); the
     * unique (event, token) is the backstop should the same event reach here twice.
     *
     * @return how many pushes were recorded
     */
    public int pushToDevices(String eventId, String customerId, String eventType, String message) {
        int recorded = pushes.insertForEachDevice(eventId, customerId, eventType, message, traces.current());
        if (recorded > 0) {
            dispatcher.wakeUpAfterCommit();
        }
        return recorded;
    }

    /** The pushes sent to a customer, oldest first. */
    public List<Push> sentTo(String customerId) {
        return pushes.findSentByCustomer(customerId);
    }
}
