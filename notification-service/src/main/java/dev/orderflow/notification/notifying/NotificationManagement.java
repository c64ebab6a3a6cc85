package dev.orderflow.notification.notifying;

import dev.orderflow.events.CustomEvent;
import dev.orderflow.events.CustomerMessages;
import dev.orderflow.events.DepositAccepted;
import dev.orderflow.events.FulfillmentEvent;
import dev.orderflow.events.OrderDispatched;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentEvent;
import dev.orderflow.events.PaymentFailed;
import dev.orderflow.notification.contacts.CustomerContacts;
import dev.orderflow.platform.observability.TraceContexts;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The use cases of notifications: tell a customer about an event or directly, and read what they were told. A
 * notification is e-mailed (channel EMAIL) when a mail server is configured and the customer has an address; the
 * {@link EmailDispatcher} sends it after the commit. Otherwise it is only stored (channel STORED).
 */
@Service
public class NotificationManagement {

    private static final Logger log = LoggerFactory.getLogger(NotificationManagement.class);

    private final Notifications notifications;
    private final CustomerContacts contacts;
    private final EmailDispatcher emails;
    private final TransactionTemplate transactions;
    private final TraceContexts traces;

    NotificationManagement(
            Notifications notifications,
            CustomerContacts contacts,
            EmailDispatcher emails,
            TransactionTemplate transactions,
            TraceContexts traces) {
        this.notifications = notifications;
        this.contacts = contacts;
        this.emails = emails;
        this.transactions = transactions;
        this.traces = traces;
    }

    /**
     * Stores the notification of an event, once per event id, its e-mail to be sent in the current trace (the event's
     * processing). Runs in the caller's transaction (the idempotent-consumer guard's); the unique event id is the
     * backstop should the same event reach here twice.
     *
     * @return whether a notification was stored
     */
    public boolean notifyOf(String eventId, String customerId, NotificationType type, String message) {
        Optional<EmailStatus> stored =
                notifications.insertOnce(eventId, customerId, type, message, emails.enabled(), traces.current());
        if (stored.isEmpty()) {
            log.info("Event {} already has its notification; ignoring it", eventId);
            return false;
        }
        if (stored.get() == EmailStatus.PENDING) {
            emails.wakeUpAfterCommit();
        }
        return true;
    }

    /**
     * Tells the customer about a payment outcome, once per event id: the same for an event read from {@code payment}
     * and for one billing told over HTTP. Runs in the caller's transaction (the idempotent-consumer guard's).
     */
    public void notifyOf(PaymentEvent event, String eventId) {
        switch (event) {
            case DepositAccepted accepted ->
                notifyOf(
                        eventId,
                        accepted.customerId(),
                        NotificationType.DEPOSIT_ACCEPTED,
                        CustomerMessages.of(accepted));
            case OrderPaid paid ->
                notifyOf(eventId, paid.customerId(), NotificationType.ORDER_PAID, CustomerMessages.of(paid));
            case PaymentFailed failed ->
                notifyOf(eventId, failed.customerId(), NotificationType.PAYMENT_FAILED, CustomerMessages.of(failed));
        }
    }

    /**
     * Tells the customer that their order was dispatched, once per event id. Runs in the caller's transaction (the
     * idempotent-consumer guard's).
     */
    public void notifyOf(FulfillmentEvent event, String eventId) {
        switch (event) {
            case OrderDispatched dispatched ->
                notifyOf(
                        eventId,
                        dispatched.customerId(),
                        NotificationType.ORDER_DISPATCHED,
                        CustomerMessages.of(dispatched));
            case CustomEvent custom -> {
                // custom events on the bus are for fulfillment-service's rules; they tell no customer anything
            }
        }
    }

    /** Stores, and e-mails when possible, a notification that reports no event. */
    public Notification notifyDirectly(String customerId, String message) {
        return transactions.execute(status -> {
            Notification notification =
                    Notification.create(customerId, NotificationType.DIRECT, message, null, emailable(customerId));
            notifications.save(notification);
            emailAfterCommit(notification);
            return notification;
        });
    }

    /** A customer's notifications, oldest first. */
    public List<Notification> findByCustomer(String customerId) {
        return notifications.findByCustomer(customerId);
    }

    private boolean emailable(String customerId) {
        return emails.enabled() && contacts.emailOf(customerId).isPresent();
    }

    private void emailAfterCommit(Notification notification) {
        if (notification.emailStatus() == EmailStatus.PENDING) {
            emails.wakeUpAfterCommit();
        }
    }
}
