package dev.orderflow.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.BillingEvent;
import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.KafkaCloudEvents;
import dev.orderflow.events.OrderCreated;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * A record billing cannot process goes, after bounded retries, to {@code billing-dlt} with the failure in its headers,
 * and the consumer goes on with the next record of the same customer; the records of the same poll before it are
 * committed once, those after it processed once.
 */
class PoisonRecordsIT extends BillingTestSupport {

    private static final String BILLING_DLT = Topics.deadLetter(BillingEvent.TOPIC);

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
        String customer = newCustomer("poison");
        fund(customer, "10.00");

        kafka.publishGarbage(
                BillingEvent.TOPIC,
                customer,
                "dev.orderflow.OrderCreated.v1",
                "{\"orderId\": not json".getBytes(StandardCharsets.UTF_8));
        kafka.publishGarbage(
                BillingEvent.TOPIC,
                customer,
                "dev.orderflow.RefundRequested.v1",
                "{}".getBytes(StandardCharsets.UTF_8));
        OrderCreated good = order(customer, "3.00");
        kafka.publish(good);

        assertThat(awaitPaymentEvent(good.orderId()))
                .isEqualTo(new OrderPaid(
                        good.orderId(),
                        customer,
                        new BigDecimal("3.00"),
                        new BigDecimal("7.00"),
                        "USD",
                        good.location(),
                        good.items()));
        List<Map<String, String>> dead = awaitDeadLetters(customer, 2);
        assertThat(dead.get(0))
                .containsEntry("ce_type", "dev.orderflow.OrderCreated.v1")
                .containsEntry("kafka_dlt-original-topic", BillingEvent.TOPIC)
                .containsEntry("kafka_dlt-original-consumer-group", "billing-service")
                .containsKeys("kafka_dlt-exception-message", "kafka_dlt-exception-fqcn", "kafka_dlt-original-offset")
                .hasEntrySatisfying(
                        "orderflow_dlt-root-cause", cause -> assertThat(cause).contains("Unrecognized token"));
        assertThat(dead.get(1))
                .containsEntry("ce_type", "dev.orderflow.RefundRequested.v1")
                .containsEntry("kafka_dlt-original-topic", BillingEvent.TOPIC)
                .containsKey("kafka_dlt-exception-message")
                .hasEntrySatisfying("orderflow_dlt-root-cause", cause -> assertThat(cause)
                        .contains("unknown event type dev.orderflow.RefundRequested.v1"));
    }

    @Test
    void anOrderThatBreaksARuleIsDeadLetteredAtOnceAndChargesNothing() {
        String customer = newCustomer("bad-total");
        fund(customer, "10.00");

        OrderCreated negative = negativeOrder(customer);
        kafka.publish(negative);
        OrderCreated good = order(customer, "1.00");
        kafka.publish(good);

        assertThat(awaitPaymentEvent(good.orderId())).isInstanceOf(OrderPaid.class);
        List<Map<String, String>> dead = awaitDeadLetters(customer, 1);
        assertThat(dead.getFirst())
                .containsEntry("ce_subject", negative.orderId().toString())
                .hasEntrySatisfying("orderflow_dlt-root-cause", cause -> assertThat(cause)
                        .contains("IllegalArgumentException", "must not be negative"));
        assertThat(balance(customer)).isEqualByComparingTo("9.00");
        assertThat(count("select count(*) from charges where order_id = ?", negative.orderId()))
                .isZero();
        assertThat(paymentEvents(negative.orderId())).isEmpty();
    }

    @Test
    void aRuleBreakingOrderInTheMiddleOfAPollIsDeadLetteredAndTheOthersAreChargedOnce() {
        String customer = newCustomer("mid-poll");
        fund(customer, "10.00");
        OrderCreated negative = negativeOrder(customer);
        CloudEvent before = CloudEvent.of("/order-service", order(customer, "2.00"));
        CloudEvent poison = CloudEvent.of("/order-service", negative);
        CloudEvent after = CloudEvent.of("/order-service", order(customer, "3.00"));

        // published while billing's consumer is stopped, so that its first poll returns all three
        listeners.stop();
        try {
            kafka.publish(before);
            kafka.publish(poison);
            kafka.publish(after);
        } finally {
            listeners.start();
        }

        awaitDeliveries(after.id(), true);
        assertThat(balance(customer)).isEqualByComparingTo("5.00");
        assertThat(awaitDeadLetters(customer, 1).getFirst()).containsEntry("ce_id", poison.id());
        assertThat(processedEvents.contains(poison.id())).isFalse();

        // The offsets were committed: a restarted consumer gets none of the three again.
        listeners.stop();
        listeners.start();
        OrderCreated marker = order(customer, "1.00");
        kafka.publish(marker);
        awaitPaymentEvent(marker.orderId());
        assertThat(processedEvents.deliveries(before.id())).containsExactly(true);
        assertThat(processedEvents.deliveries(after.id())).containsExactly(true);
        assertThat(balance(customer)).isEqualByComparingTo("4.00");
    }

    /** An order whose total breaks a rule: billing cannot charge it however often it tries. */
    private static OrderCreated negativeOrder(String customer) {
        return new OrderCreated(
                java.util.UUID.randomUUID(),
                customer,
                "us-east",
                List.of(),
                new BigDecimal("-5.00"),
                "USD",
                Instant.now());
    }

    /** The headers of the customer's dead letters, oldest first, once there are this many. */
    private static List<Map<String, String>> awaitDeadLetters(String customer, int expected) {
        return await().atMost(TIMEOUT)
                .until(
                        () -> kafka.records(BILLING_DLT).stream()
                                .filter(record -> customer.equals(record.key()))
                                .map(ConsumerRecord::headers)
                                .map(KafkaCloudEvents::headersAsText)
                                .toList(),
                        found -> found.size() >= expected);
    }
}
