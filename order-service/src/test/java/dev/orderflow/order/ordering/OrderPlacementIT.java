package dev.orderflow.order.ordering;

import static dev.orderflow.testsupport.Problems.assertFieldError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.BillingEvent;
import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.KafkaCloudEvents;
import dev.orderflow.events.OrderCreated;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.KafkaTestClient;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Placing an order over HTTP stores it and publishes OrderCreated to the real broker, with CloudEvents headers. */
@IntegrationTest
class OrderPlacementIT {

    private static final KafkaTestClient kafka = new KafkaTestClient();

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void listsTheCatalogWithServerPrices() {
        http.get()
                .uri("/products")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.productCode == 'pencil')].unitPrice")
                .isEqualTo(List.of(1.25))
                .jsonPath("$[?(@.productCode == 'pencil')].currency")
                .isEqualTo(List.of("USD"));
    }

    @Test
    void placesAnOrderAndPublishesOrderCreatedWithCloudEventsHeaders() {
        String customer = "customer-" + UUID.randomUUID();
        var result = http.post()
                .uri("/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "customerId",
                        customer,
                        "location",
                        "us-east",
                        "items",
                        List.of(
                                Map.of("productCode", "pencil", "quantity", 2),
                                Map.of("productCode", "notebook", "quantity", 1))))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches("Location", "/orders/[0-9a-f-]{36}")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PENDING")
                .jsonPath("$.total")
                .isEqualTo(7.0)
                .jsonPath("$.currency")
                .isEqualTo("USD")
                .jsonPath("$.customerId")
                .isEqualTo(customer)
                .returnResult();
        String orderId = result.getResponseHeaders().getLocation().getPath().substring("/orders/".length());
        assertThat(new String(result.getResponseBody())).contains("\"total\":7.00");

        ConsumerRecord<String, byte[]> record = kafka.awaitRecord(
                BillingEvent.TOPIC, r -> orderId.equals(KafkaCloudEvents.header(r.headers(), "ce_subject")));

        assertThat(record.key()).isEqualTo(customer);
        assertThat(KafkaCloudEvents.headersAsText(record.headers()))
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "dev.orderflow.OrderCreated.v1")
                .containsEntry("ce_source", "/order-service")
                .containsEntry("ce_subject", orderId)
                .containsEntry("content-type", "application/json")
                .containsKeys("ce_id", "ce_time");
        CloudEvent event = KafkaCloudEvents.fromRecord(record.headers(), record.value());
        OrderCreated created = (OrderCreated) event.data();
        assertThat(created.orderId()).hasToString(orderId);
        assertThat(created.customerId()).isEqualTo(customer);
        assertThat(created.location()).isEqualTo("us-east");
        assertThat(created.total()).isEqualByComparingTo("7.00");
        assertThat(created.items())
                .containsExactly(
                        new OrderCreated.Item("pencil", 2, new BigDecimal("1.25")),
                        new OrderCreated.Item("notebook", 1, new BigDecimal("4.50")));

        http.get()
                .uri("/orders/{id}", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.orderId")
                .isEqualTo(orderId)
                .jsonPath("$.items.length()")
                .isEqualTo(2);
        http.get()
                .uri("/orders?customerId={c}", customer)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1);
    }

    @Test
    void listsACustomersOrdersNewestFirst() {
        String customer = "customer-" + UUID.randomUUID();
        String first = place(customer, "pencil", 1, null);
        String second = place(customer, "eraser", 1, null);

        http.get()
                .uri("/orders?customerId={c}", customer)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[*].orderId")
                .isEqualTo(List.of(second, first));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstOrder() {
        String customer = "customer-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        String first = place(customer, "pen", 3, key);
        String retried = place(customer, "pen", 3, key);

        assertThat(retried).isEqualTo(first);
        assertThat(count("select count(*) from orders where customer_id = ?", customer))
                .isEqualTo(1);
        http.post()
                .uri("/orders")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "customerId",
                        customer,
                        "location",
                        "eu",
                        "items",
                        List.of(Map.of("productCode", "pen", "quantity", 4))))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void rejectsBadOrdersWithFieldErrorsAndLeavesNothingBehind() {
        String customer = "bad-" + UUID.randomUUID();
        String unknownProduct = "[{\"productCode\":\"unicorn\",\"quantity\":1}]";

        expectFieldError(order(customer, unknownProduct), "items[0].productCode");
        expectFieldError(order(customer, "[]"), "items");
        expectFieldError(order(customer, "[{\"productCode\":\"pen\",\"quantity\":0}]"), "items[0].quantity");
        expectFieldError(order(customer, "[{\"productCode\":\"pen\",\"quantity\":\"two\"}]"), "items[0].quantity");
        expectFieldError("{\"location\":\"eu\",\"items\":" + unknownProduct + "}", "customerId");
        http.post()
                .uri("/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{not json")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(count("select count(*) from orders where customer_id = ?", customer))
                .isZero();
        assertThat(count("select count(*) from outbox where record_key = ?", customer))
                .isZero();
        assertThat(kafka.records(BillingEvent.TOPIC)).noneMatch(record -> customer.equals(record.key()));
    }

    @Test
    void reportsEveryProblemOfABadOrderAtOnceAndLeavesNothingBehind() {
        String customer = "many-problems-" + UUID.randomUUID();
        String items = """
                [{"productCode": "unicorn", "quantity": 1},
                 {"productCode": "pen", "quantity": 0},
                 {"productCode": "dragon", "quantity": 0}]""";

        http.post()
                .uri("/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"customerId\":\"" + customer + "\",\"location\":\"\",\"items\":" + items + "}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field")
                .isEqualTo(List.of(
                        "items[0].productCode",
                        "items[1].quantity",
                        "items[2].productCode",
                        "items[2].quantity",
                        "location"))
                .jsonPath("$.errors[0].message")
                .isEqualTo("unknown product 'unicorn'")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("unicorn", "dragon", "location"));

        assertThat(count("select count(*) from orders where customer_id = ?", customer))
                .isZero();
        assertThat(count("select count(*) from outbox where record_key = ?", customer))
                .isZero();
    }

    private static String order(String customer, String items) {
        return "{\"customerId\":\"" + customer + "\",\"location\":\"eu\",\"items\":" + items + "}";
    }

    @Test
    void unknownOrdersAreNotFoundProblems() {
        http.get()
                .uri("/orders/{id}", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404);
        http.get().uri("/orders/not-a-uuid").exchange().expectStatus().isBadRequest();
        http.get().uri("/orders").exchange().expectStatus().isBadRequest();
    }

    private void expectFieldError(String body, String field) {
        assertFieldError(
                http.post()
                        .uri("/orders")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(body)
                        .exchange(),
                field);
    }

    private String place(String customer, String product, int quantity, String idempotencyKey) {
        var request = http.post().uri("/orders").contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(Map.of(
                        "customerId",
                        customer,
                        "location",
                        "eu",
                        "items",
                        List.of(Map.of("productCode", product, "quantity", quantity))))
                .exchange()
                .expectStatus()
                .isCreated()
                .returnResult(Map.class)
                .getResponseBody()
                .get("orderId")
                .toString();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
