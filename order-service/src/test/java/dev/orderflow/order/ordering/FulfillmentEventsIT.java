package dev.orderflow.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.CustomEvent;
import dev.orderflow.events.OrderDispatched;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentFailed;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.KafkaTestClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.node.JsonNodeFactory;

/** Fulfilment's OrderDispatched on {@code fulfillment} moves a paid order to DISPATCHED, once. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class FulfillmentEventsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final KafkaTestClient kafka = new KafkaTestClient();

    @Autowired
    OrderManagement orders;

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aPaidOrderIsDispatchedOnceHoweverOftenOrderDispatchedArrives() {
        Order order = paidOrder("dispatched-" + UUID.randomUUID());
        CloudEvent dispatched = CloudEvent.of("/fulfillment-service", dispatched(order));

        kafka.publish(dispatched);
        kafka.publish(dispatched);
        kafka.publish(CloudEvent.of("/fulfillment-service", dispatched(order)));
        awaitProcessedAfterEverythingBefore(order.customerId());

        http.get()
                .uri("/orders/{id}", order.orderId())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DISPATCHED");
        // paid, then dispatched: two changes, none for the repeats
        assertThat(statusChanges(order)).isEqualTo(2);
    }

    @Test
    void anOrderDispatchedBeforeItsOrderPaidArrivesStaysDispatched(CapturedOutput output) {
        String customer = "overtaken-" + UUID.randomUUID();
        Order pending = place(customer);

        kafka.publish(dispatched(pending));
        await().atMost(TIMEOUT).until(() -> orders.find(pending.orderId()).status() == OrderStatus.DISPATCHED);
        kafka.publish(new OrderPaid(pending.orderId(), customer, pending.total(), new BigDecimal("10.00"), "USD"));
        awaitPaymentProcessed(customer);

        assertThat(orders.find(pending.orderId()).status()).isEqualTo(OrderStatus.DISPATCHED);
        assertThat(statusChanges(pending)).isEqualTo(1);
        // and the log says why the late OrderPaid changed nothing
        assertThat(output.getOut()).contains("Order " + pending.orderId() + " is already DISPATCHED; ignoring PAID");
    }

    @Test
    void aFailedOrderIsNotDispatchedAndCustomEventsAreIgnored() {
        String customer = "not-paid-" + UUID.randomUUID();
        Order failed = place(customer);
        kafka.publish(
                new PaymentFailed(failed.orderId(), customer, failed.total(), PaymentFailed.INSUFFICIENT_FUNDS, "USD"));
        await().atMost(TIMEOUT).until(() -> orders.find(failed.orderId()).status() == OrderStatus.PAYMENT_FAILED);
        kafka.publish(
                new CustomEvent("acme.shop", "Promotion", List.of(), null, JsonNodeFactory.instance.objectNode()));

        kafka.publish(dispatched(failed));
        awaitProcessedAfterEverythingBefore(customer);

        assertThat(orders.find(failed.orderId()).status()).isEqualTo(OrderStatus.PAYMENT_FAILED);
        assertThat(statusChanges(failed)).isEqualTo(1);
    }

    /** A probe order of the same customer paid: everything published before it on {@code payment} was processed. */
    private void awaitPaymentProcessed(String customer) {
        paidOrder(customer);
    }

    private Order place(String customer) {
        return orders.place(new PlaceOrder(customer, "eu-west", List.of(new PlaceOrder.Line("pen", 2)), null))
                .order();
    }

    /** An order that billing's OrderPaid, published to the broker, has settled. */
    private Order paidOrder(String customer) {
        Order order = place(customer);
        kafka.publish(new OrderPaid(order.orderId(), customer, order.total(), new BigDecimal("10.00"), "USD"));
        await().atMost(TIMEOUT).until(() -> orders.find(order.orderId()).status() == OrderStatus.PAID);
        return order;
    }

    private static OrderDispatched dispatched(Order order) {
        return new OrderDispatched(
                order.orderId(), order.customerId(), order.location(), "paid-orders-to-store", Instant.now());
    }

    /**
     * Dispatches a probe order of the same customer and waits until it is dispatched: the customer's records are one
     * partition of {@code fulfillment}, in order, so everything published there before has been processed too.
     */
    private void awaitProcessedAfterEverythingBefore(String customer) {
        Order probe = paidOrder(customer);
        kafka.publish(dispatched(probe));
        await().atMost(TIMEOUT).until(() -> orders.find(probe.orderId()).status() == OrderStatus.DISPATCHED);
    }

    private int statusChanges(Order order) {
        return jdbc.sql("select version from orders where order_id = ?")
                .param(order.orderId())
                .query(Integer.class)
                .single();
    }
}
