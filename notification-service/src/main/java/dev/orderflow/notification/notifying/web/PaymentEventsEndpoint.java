package dev.orderflow.notification.notifying.web;

import dev.orderflow.events.Event;
import dev.orderflow.events.EventJson;
import dev.orderflow.events.EventTypes;
import dev.orderflow.events.PaymentEvent;
import dev.orderflow.notification.notifying.NotificationManagement;
import dev.orderflow.platform.inbox.ProcessedEvents;
import dev.orderflow.platform.interaction.ConditionalOnInteraction;
import dev.orderflow.platform.interaction.Interaction;
import dev.orderflow.platform.observability.LogFields;
import dev.orderflow.platform.security.CustomerAccess;
import dev.orderflow.platform.security.Scopes;
import dev.orderflow.platform.web.Problems;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal, HTTP interaction style only: billing tells this service of a payment outcome, {@code POST
 * /internal/payment-events} in the CloudEvents HTTP binding's binary mode ({@code ce-id}, {@code ce-type} headers, the
 * event's JSON as the body, exactly as on {@code payment}). At least once on billing's side, once here: the event id
 * goes through the same processed-events guard as a Kafka record, so a repeated call stores one notification, and is
 * logged on the event path like one.
 * Not for clients: the caller's token needs the {@code notifications.write} scope (billing-service's client
 * credentials) or an operator's; a customer's token is a {@code 403}.
 */
@RestController
@ConditionalOnInteraction(Interaction.HTTP)
class PaymentEventsEndpoint {

    private final NotificationManagement notifications;
    private final ProcessedEvents processedEvents;

    PaymentEventsEndpoint(NotificationManagement notifications, ProcessedEvents processedEvents) {
        this.notifications = notifications;
        this.processedEvents = processedEvents;
    }

    static final String PATH = "/internal/payment-events";

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void receive(
            @RequestHeader("ce-id") @NotBlank @Size(max = 64) String eventId,
            @RequestHeader("ce-type") String eventType,
            @RequestBody byte[] body) {
        CustomerAccess.requireScope(Scopes.NOTIFICATIONS_WRITE);
        Class<? extends Event> type = EventTypes.classOf(eventType)
                .filter(PaymentEvent.class::isAssignableFrom)
                .orElseThrow(() -> badRequest("ce-type '" + eventType + "' is not an event of the payment topic"));
        PaymentEvent event;
        try {
            event = (PaymentEvent) EventJson.read(body, type);
        } catch (RuntimeException e) {
            throw badRequest("the body is not a " + eventType + ": " + e.getMessage());
        }
        try (LogFields fields = LogFields.of(event, eventId)) {
            // the event path's line, as the inbox writes it for a record (bin/trace follows it)
            LogFields.processing(eventType, eventId, "POST " + PATH);
            processedEvents.once(eventId, () -> notifications.notifyOf(event, eventId));
        }
    }

    private static ErrorResponseException badRequest(String detail) {
        return new ErrorResponseException(
                HttpStatus.BAD_REQUEST, Problems.badRequest("Not a payment event", detail), null);
    }
}
