package dev.orderflow.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.BillingEvent;
import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.DepositAccepted;
import dev.orderflow.events.DepositRequested;
import dev.orderflow.events.KafkaCloudEvents;
import dev.orderflow.events.OrderCreated;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentEvent;
import dev.orderflow.events.PaymentFailed;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The saga from billing's side, over the real broker: a customer opens an account and deposits money over HTTP; the
 * deposit travels through Kafka and comes back as DepositAccepted; orders arrive as OrderCreated and are answered
 * with PaymentFailed or OrderPaid.
 */
class BillingSagaIT extends BillingTestSupport {

    @Test
    void depositsThroughKafkaThenChargesWhatTheCustomerCanAfford() {
        String customer = newCustomer("saga");
        http.post()
                .uri("/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("customerId", customer))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .location("/accounts/" + customer)
                .expectBody()
                .json("{\"customerId\": \"%s\", \"balance\": 0.00, \"currency\": \"USD\"}".formatted(customer));

        UUID depositId = requestDeposit(customer, "50.00");

        ConsumerRecord<String, byte[]> requested = kafka.awaitRecord(
                BillingEvent.TOPIC,
                record -> depositId.toString().equals(KafkaCloudEvents.header(record.headers(), "ce_subject")));
        assertThat(requested.key()).isEqualTo(customer);
        assertThat(KafkaCloudEvents.headersAsText(requested.headers()))
                .containsEntry("ce_type", "dev.orderflow.DepositRequested.v1")
                .containsEntry("ce_source", "/billing-service");
        assertThat(KafkaCloudEvents.fromRecord(requested.headers(), requested.value())
                        .data())
                .isEqualTo(new DepositRequested(depositId, customer, new BigDecimal("50.00"), "USD"));
        assertThat(awaitPaymentEvent(depositId))
                .isEqualTo(new DepositAccepted(
                        depositId, customer, new BigDecimal("50.00"), new BigDecimal("50.00"), "USD"));
        http.get()
                .uri("/accounts/{id}", customer)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("{\"customerId\": \"%s\", \"balance\": 50.00, \"currency\": \"USD\"}".formatted(customer));

        OrderCreated tooExpensive = order(customer, "80.00");
        kafka.publish(tooExpensive);
        assertThat(awaitPaymentEvent(tooExpensive.orderId()))
                .isEqualTo(new PaymentFailed(
                        tooExpensive.orderId(),
                        customer,
                        new BigDecimal("80.00"),
                        PaymentFailed.INSUFFICIENT_FUNDS,
                        "USD"));
        assertThat(balance(customer)).isEqualByComparingTo("50.00");

        OrderCreated affordable = order(customer, "30.25");
        kafka.publish(affordable);
        assertThat(awaitPaymentEvent(affordable.orderId()))
                .isEqualTo(new OrderPaid(
                        affordable.orderId(),
                        customer,
                        new BigDecimal("30.25"),
                        new BigDecimal("19.75"),
                        "USD",
                        "us-east",
                        List.of(new OrderCreated.Item("pencil", 1, new BigDecimal("30.25")))));
        assertThat(balance(customer)).isEqualByComparingTo("19.75");

        ConsumerRecord<String, byte[]> paid = kafka.awaitRecord(PaymentEvent.TOPIC, record -> affordable
                .orderId()
                .toString()
                .equals(KafkaCloudEvents.header(record.headers(), "ce_subject")));
        assertThat(paid.key()).isEqualTo(customer);
        assertThat(KafkaCloudEvents.headersAsText(paid.headers()))
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "dev.orderflow.OrderPaid.v1")
                .containsEntry("ce_source", "/billing-service")
                .containsEntry("content-type", "application/json")
                .containsKeys("ce_id", "ce_time");
        assertThat(new String(paid.value())).contains("\"amount\":30.25", "\"balance\":19.75");
    }

    @Test
    void anOrderOfACustomerWithoutAnAccountFailsWithAccountNotFound() {
        String customer = newCustomer("no-account");
        CloudEvent published = kafka.publish(order(customer, "5.00"));
        OrderCreated order = (OrderCreated) published.data();

        assertThat(awaitPaymentEvent(order.orderId()))
                .isEqualTo(new PaymentFailed(
                        order.orderId(), customer, new BigDecimal("5.00"), PaymentFailed.ACCOUNT_NOT_FOUND, "USD"));
        assertThat(count("select count(*) from accounts where customer_id = ?", customer))
                .isZero();
    }
}
