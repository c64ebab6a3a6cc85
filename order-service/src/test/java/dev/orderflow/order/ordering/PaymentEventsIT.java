package dev.orderflow.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.DepositAccepted;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentEvent;
import dev.orderflow.events.PaymentFailed;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.KafkaTestClient;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Billing's verdicts arrive on {@code payment} and settle the order, once, however often they are delivered. */
@IntegrationTest
class PaymentEventsIT {

    private static final KafkaTestClient kafka = new KafkaTestClient();

    @Autowired
    OrderManagement orders;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void orderPaidSettlesTheOrderOnceWhenRedelivered() {
        Order order = pendingOrder("paid-" + UUID.randomUUID());
        CloudEvent paid = CloudEvent.of(
                "/billing-service",
                new OrderPaid(order.orderId(), order.customerId(), order.total(), new BigDecimal("10.00"), "USD"));

        kafka.publish(paid);
        kafka.publish(paid);
        awaitProcessedAfterEverythingBefore(order.customerId());

        assertThat(orders.find(order.orderId()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(statusChanges(order)).isEqualTo(1);
    }

    @Test
    void paymentFailedSettlesTheOrderWithItsReasonOnceWhenRedelivered() {
        Order order = pendingOrder("failed-" + UUID.randomUUID());
        CloudEvent failed = CloudEvent.of(
                "/billing-service",
                new PaymentFailed(
                        order.orderId(), order.customerId(), order.total(), PaymentFailed.INSUFFICIENT_FUNDS, "USD"));

        kafka.publish(failed);
        kafka.publish(failed);
        awaitProcessedAfterEverythingBefore(order.customerId());

        Order settled = orders.find(order.orderId());
        assertThat(settled.status()).isEqualTo(OrderStatus.PAYMENT_FAILED);
        assertThat(settled.failureReason()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(statusChanges(order)).isEqualTo(1);
    }

    @Test
    void aLaterVerdictDoesNotOverturnASettledOrder() {
        Order order = pendingOrder("settled-" + UUID.randomUUID());
        kafka.publish(new OrderPaid(order.orderId(), order.customerId(), order.total(), new BigDecimal("1.00"), "USD"));
        kafka.publish(new PaymentFailed(
                order.orderId(), order.customerId(), order.total(), PaymentFailed.ACCOUNT_NOT_FOUND, "USD"));
        awaitProcessedAfterEverythingBefore(order.customerId());

        assertThat(orders.find(order.orderId()).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void garbageGoesToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
        Order order = pendingOrder("poison-" + UUID.randomUUID());
        kafka.publishGarbage(
                PaymentEvent.TOPIC,
                order.customerId(),
                "dev.orderflow.OrderPaid.v1",
                "{\"this is\": not json".getBytes(StandardCharsets.UTF_8));
        kafka.publish(new OrderPaid(order.orderId(), order.customerId(), order.total(), new BigDecimal("3.00"), "USD"));

        kafka.awaitUnreadableDeadLettered(
                PaymentEvent.TOPIC,
                order.customerId(),
                "dev.orderflow.OrderPaid.v1",
                "{\"this is\": not json",
                "StreamReadException",
                "Unrecognized token");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(orders.find(order.orderId()).status()).isEqualTo(OrderStatus.PAID));
    }

    private Order pendingOrder(String customerId) {
        return orders.place(new PlaceOrder(customerId, "eu", List.of(new PlaceOrder.Line("pencil", 2)), null))
                .order();
    }

    /**
     * Publishes a marker on the customer's key and waits until it is processed: the customer's records are one
     * partition, in order, so everything published before it has been processed too.
     */
    private void awaitProcessedAfterEverythingBefore(String customerId) {
        CloudEvent marker = kafka.publish(
                new DepositAccepted(UUID.randomUUID(), customerId, BigDecimal.ONE, BigDecimal.ONE, "USD"));
        Order probe = pendingOrder(customerId);
        CloudEvent settle = kafka.publish(
                new PaymentFailed(probe.orderId(), customerId, probe.total(), PaymentFailed.INSUFFICIENT_FUNDS, "USD"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> orders.find(probe.orderId()).status() == OrderStatus.PAYMENT_FAILED);
        assertThat(marker.id()).isNotEqualTo(settle.id());
    }

    private int statusChanges(Order order) {
        return jdbc.sql("select version from orders where order_id = ?")
                .param(order.orderId())
                .query(Integer.class)
                .single();
    }
}
