package dev.orderflow.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.BillingEvent;
import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.DepositAccepted;
import dev.orderflow.events.DepositRequested;
import dev.orderflow.events.OrderCreated;
import dev.orderflow.events.OrderPaid;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Kafka delivers at least once; billing's effects happen exactly once. A redelivery (same ce_id) is absorbed by the
 * processed-events guard; the same order or deposit under a new ce_id by the natural keys (one charge per order, a
 * deposit accepted once); a crash between the database commit and the offset commit by both, with the outgoing event
 * still published exactly once.
 */
class ExactlyOnceIT extends BillingTestSupport {

    @Test
    void chargesAnOrderOnlyOnceWhenRedelivered() {
        String customer = newCustomer("redelivered-order");
        fund(customer, "20.00");
        OrderCreated order = order(customer, "7.50");
        CloudEvent created = CloudEvent.of("/order-service", order);
        CloudEvent republished = CloudEvent.of("/order-service", order);

        kafka.publish(created);
        kafka.publish(created);
        kafka.publish(republished);

        awaitDeliveries(created.id(), true, false);
        awaitDeliveries(republished.id(), true);
        assertChargedOnce(customer, order, "7.50", "12.50");
    }

    @Test
    void appliesADepositOnlyOnceWhenRedelivered() {
        String customer = newCustomer("redelivered-deposit");
        openAccount(customer);
        UUID depositId = requestDeposit(customer, "40.00");
        CloudEvent requested = await().atMost(TIMEOUT)
                .until(() -> kafka.events(BillingEvent.TOPIC, depositId.toString()), events -> !events.isEmpty())
                .getFirst();
        awaitDeliveries(requested.id(), true);

        kafka.publish(requested);
        CloudEvent republished = CloudEvent.of("/billing-service", requested.data());
        kafka.publish(republished);

        awaitDeliveries(requested.id(), true, false);
        awaitDeliveries(republished.id(), true);
        assertDepositedOnce(customer, depositId, "40.00");
        assertThat(count("select count(*) from deposits where deposit_id = ? and status = 'ACCEPTED'", depositId))
                .isOne();
    }

    @Test
    void chargesOnceWhenTheProcessDiesAfterTheCommitAndBeforeTheOffsetCommit() {
        String customer = newCustomer("crash-order");
        fund(customer, "10.00");
        OrderCreated order = order(customer, "4.00");
        CloudEvent created = CloudEvent.of("/order-service", order);
        processedEvents.crashOnceAfterCommit(created.id());

        kafka.publish(created);

        // The first delivery committed its charge and then died; Kafka delivered the record again.
        awaitDeliveries(created.id(), true, false);
        assertChargedOnce(customer, order, "4.00", "6.00");
    }

    @Test
    void appliesADepositOnceWhenTheProcessDiesAfterTheCommitAndBeforeTheOffsetCommit() {
        String customer = newCustomer("crash-deposit");
        openAccount(customer);
        DepositRequested deposit = new DepositRequested(UUID.randomUUID(), customer, new BigDecimal("15.00"), "USD");
        CloudEvent requested = CloudEvent.of("/billing-service", deposit);
        processedEvents.crashOnceAfterCommit(requested.id());

        kafka.publish(requested);

        awaitDeliveries(requested.id(), true, false);
        assertDepositedOnce(customer, deposit.depositId(), "15.00");
    }

    /** The order was charged once: one charge, the balance it left, and one {@code OrderPaid} and nothing else. */
    private void assertChargedOnce(String customer, OrderCreated order, String amount, String balance) {
        assertThat(balance(customer)).isEqualByComparingTo(balance);
        assertThat(count("select count(*) from charges where order_id = ?", order.orderId()))
                .isOne();
        awaitPaymentEvent(order.orderId());
        awaitOutboxEmpty(order.orderId());
        assertThat(paymentEvents(order.orderId()))
                .containsExactly(new OrderPaid(
                        order.orderId(),
                        customer,
                        new BigDecimal(amount),
                        new BigDecimal(balance),
                        "USD",
                        order.location(),
                        order.items()));
    }

    /** The deposit to a new, empty account was applied once: the balance it left, and one {@code DepositAccepted}. */
    private void assertDepositedOnce(String customer, UUID depositId, String amount) {
        assertThat(balance(customer)).isEqualByComparingTo(amount);
        awaitPaymentEvent(depositId);
        awaitOutboxEmpty(depositId);
        assertThat(paymentEvents(depositId))
                .containsExactly(new DepositAccepted(
                        depositId, customer, new BigDecimal(amount), new BigDecimal(amount), "USD"));
    }

    /** Waits until the relay has published everything about this subject, so that no later copy can appear. */
    private void awaitOutboxEmpty(UUID subject) {
        await().atMost(TIMEOUT)
                .until(() -> count("select count(*) from outbox where subject = ?", subject.toString()) == 0);
    }
}
