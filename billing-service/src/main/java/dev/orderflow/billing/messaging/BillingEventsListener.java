package dev.orderflow.billing.messaging;

import dev.orderflow.billing.deposits.DepositManagement;
import dev.orderflow.billing.payments.Billing;
import dev.orderflow.billing.payments.Charge;
import dev.orderflow.events.BillingEvent;
import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.DepositRequested;
import dev.orderflow.events.OrderCreated;
import dev.orderflow.platform.inbox.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * The one consumer of the billing topic: charges each OrderCreated and applies each DepositRequested, each event once
 * however often it is delivered (its ce_id is recorded in the transaction of its effect, and the offset is committed
 * only after that transaction). One listener for both, because one consumer group must see every record of the topic
 * in order: a customer's deposits and charges are applied in the order they were published.
 */
@Component
class BillingEventsListener {

    private final Billing billing;
    private final DepositManagement deposits;
    private final ProcessedEvents processedEvents;

    BillingEventsListener(Billing billing, DepositManagement deposits, ProcessedEvents processedEvents) {
        this.billing = billing;
        this.deposits = deposits;
        this.processedEvents = processedEvents;
    }

    @KafkaListener(topics = BillingEvent.TOPIC)
    void on(BillingEvent event, @Header(CloudEventHeaders.ID) String eventId) {
        switch (event) {
            case OrderCreated order -> processedEvents.once(eventId, () -> billing.charge(Charge.of(order)));
            case DepositRequested deposit -> processedEvents.once(eventId, () -> deposits.apply(deposit));
        }
    }
}
