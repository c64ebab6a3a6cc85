package dev.orderflow.billing.messaging;

import dev.orderflow.billing.deposits.DepositManagement;
import dev.orderflow.billing.payments.Billing;
import dev.orderflow.billing.payments.Charge;
import dev.orderflow.billing.payments.OrderDetails;
import dev.orderflow.events.BillingEvent;
import dev.orderflow.events.DepositRequested;
import dev.orderflow.events.OrderCreated;
import dev.orderflow.platform.inbox.Inbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The one consumer of the billing topic: charges each OrderCreated and applies each DepositRequested, each event once
 * however often it is delivered (its ce_id is recorded in the transaction of its effect, one per poll, and the offsets
 * are committed only after that transaction). One listener for both, because one consumer group must see every record of the topic
 * in order: a customer's deposits and charges are applied in the order they were published.
 */
@Component
class BillingEventsListener {

    private final Billing billing;
    private final DepositManagement deposits;
    private final Inbox inbox;

    BillingEventsListener(Billing billing, DepositManagement deposits, Inbox inbox) {
        this.billing = billing;
        this.deposits = deposits;
        this.inbox = inbox;
    }

    @KafkaListener(topics = BillingEvent.TOPIC, batch = "true")
    void on(List<ConsumerRecord<String, BillingEvent>> records) {
        inbox.receive(records, (event, eventId) -> on(event));
    }

    private void on(BillingEvent event) {
        switch (event) {
            case OrderCreated order -> billing.charge(Charge.of(order), OrderDetails.of(order));
            case DepositRequested deposit -> deposits.apply(deposit);
        }
    }
}
