package dev.orderflow.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.OrderCreated;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentFailed;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The HTTP API: accounts, deposits and POST /payments, with problem+json for everything that is refused. */
class BillingApiIT extends BillingTestSupport {

    @Test
    void opensAnAccountOnceAndFindsIt() {
        String customer = newCustomer("api");
        openAccount(customer);

        String again = new String(postAccount(customer)
                .expectStatus()
                .isOk()
                .expectBody()
                .json("{\"customerId\": \"%s\", \"balance\": 0.00, \"currency\": \"USD\"}".formatted(customer))
                .returnResult()
                .getResponseBody());
        assertThat(again).as("money has two decimal places").contains("\"balance\":0.00");
        http.get()
                .uri("/accounts/{id}", customer)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.balance")
                .isEqualTo(0.0);
        assertThat(count("select count(*) from accounts where customer_id = ?", customer))
                .isOne();
    }

    @Test
    void unknownAccountsAndBadCustomerIdsAreProblems() {
        http.get()
                .uri("/accounts/{id}", newCustomer("nobody"))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.title")
                .isEqualTo("Account not found");
        postAccount("bob smith")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("customerId");
        http.post()
                .uri("/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get()
                .uri("/accounts/{id}", "x".repeat(65))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void rejectsBadDepositAmountsAndLeavesNothingBehind() {
        String customer = newCustomer("bad-deposit");
        openAccount(customer);

        for (String body : List.of(
                "{\"amount\": 0}",
                "{\"amount\": -5.00}",
                "{\"amount\": 10.001}",
                "{\"amount\": \"abc\"}",
                "{\"amount\": null}",
                "{}")) {
            deposit(customer, body)
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(400)
                    .jsonPath("$.detail")
                    .exists()
                    .jsonPath("$.errors[*].field")
                    .isEqualTo(List.of("amount"));
        }
        deposit(customer, "not json").expectStatus().isBadRequest();
        deposit(newCustomer("nobody"), "{\"amount\": 10.00}")
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.reason")
                .isEqualTo("ACCOUNT_NOT_FOUND");

        assertThat(count("select count(*) from deposits where customer_id = ?", customer))
                .isZero();
        assertThat(count("select count(*) from outbox where record_key = ?", customer))
                .isZero();
        assertThat(balance(customer)).isEqualByComparingTo("0.00");
    }

    @Test
    void aPaymentIsChargedOnceAndARetryAnswersTheFirstOutcome() {
        String customer = newCustomer("pay");
        fund(customer, "25.00");
        UUID orderId = UUID.randomUUID();

        for (int attempt = 0; attempt < 2; attempt++) {
            pay(orderId, customer, "10.00")
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("Idempotent-Replayed", String.valueOf(attempt > 0))
                    .expectBody()
                    .json("""
                            {"orderId": "%s", "status": "PAID", "amount": 10.00, "balance": 15.00, "currency": "USD"}
                            """.formatted(orderId));
        }

        assertThat(balance(customer)).isEqualByComparingTo("15.00");
        assertThat(awaitPaymentEvent(orderId))
                .isEqualTo(new OrderPaid(orderId, customer, new BigDecimal("10.00"), new BigDecimal("15.00"), "USD"));
        pay(orderId, customer, "11.00")
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.reason")
                .isEqualTo("ORDER_ALREADY_CHARGED");
        pay(orderId, newCustomer("someone-else"), "10.00")
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.reason")
                .isEqualTo("ORDER_ALREADY_CHARGED");
        assertThat(balance(customer)).isEqualByComparingTo("15.00");
        assertThat(paymentEvents(orderId)).hasSize(1);
    }

    @Test
    void aPaymentWithTheOrdersLocationAndItemsPassesThemOnInOrderPaid() {
        String customer = newCustomer("pay-details");
        fund(customer, "25.00");
        UUID orderId = UUID.randomUUID();

        http.post()
                .uri("/payments")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"orderId": "%s", "customerId": "%s", "amount": 4.50, "location": "eu-west",
                         "items": [{"productCode": "pen", "quantity": 2, "unitPrice": 2.00},
                                   {"productCode": "eraser", "quantity": 1, "unitPrice": 0.50}]}
                        """.formatted(orderId, customer))
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(awaitPaymentEvent(orderId))
                .isEqualTo(new OrderPaid(
                        orderId,
                        customer,
                        new BigDecimal("4.50"),
                        new BigDecimal("20.50"),
                        "USD",
                        "eu-west",
                        List.of(
                                new OrderCreated.Item("pen", 2, new BigDecimal("2.00")),
                                new OrderCreated.Item("eraser", 1, new BigDecimal("0.50")))));
    }

    @Test
    void rejectsPaymentsWithBadOrderDetails() {
        String customer = newCustomer("bad-details");
        fund(customer, "5.00");

        for (Map.Entry<String, String> invalid : Map.of(
                        "\"location\": \"\"", "location",
                        "\"location\": \"eu\\u0000west\"", "location",
                        "\"items\": [{\"productCode\": \"pen\", \"quantity\": 0, \"unitPrice\": 1.00}]",
                                "items[0].quantity",
                        "\"items\": [{\"productCode\": \"pen\", \"quantity\": 1, \"unitPrice\": 1.001}]",
                                "items[0].unitPrice",
                        "\"items\": [{\"quantity\": 1, \"unitPrice\": 1.00}]", "items[0].productCode")
                .entrySet()) {
            http.post()
                    .uri("/payments")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"orderId\": \"%s\", \"customerId\": \"%s\", \"amount\": 1.00, %s}"
                            .formatted(UUID.randomUUID(), customer, invalid.getKey()))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[*].field")
                    .isEqualTo(List.of(invalid.getValue()));
        }
        assertThat(count("select count(*) from charges where customer_id = ?", customer))
                .isZero();
        assertThat(balance(customer)).isEqualByComparingTo("5.00");
    }

    @Test
    void aPaymentThatCannotBePaidIsAProblemAndStaysOneOnRetry() {
        String customer = newCustomer("poor");
        fund(customer, "5.00");
        UUID tooExpensive = UUID.randomUUID();

        pay(tooExpensive, customer, "9.99")
                .expectStatus()
                .isEqualTo(402)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(402)
                .jsonPath("$.reason")
                .isEqualTo("INSUFFICIENT_FUNDS")
                .jsonPath("$.title")
                .exists()
                .jsonPath("$.detail")
                .exists();
        assertThat(awaitPaymentEvent(tooExpensive))
                .isEqualTo(new PaymentFailed(
                        tooExpensive, customer, new BigDecimal("9.99"), PaymentFailed.INSUFFICIENT_FUNDS, "USD"));

        // a retry answers with the first outcome, even though the balance would cover it now
        requestDeposit(customer, "10.00");
        awaitBalance(customer, "15.00");
        pay(tooExpensive, customer, "9.99").expectStatus().isEqualTo(402);
        assertThat(balance(customer)).isEqualByComparingTo("15.00");

        UUID noAccount = UUID.randomUUID();
        pay(noAccount, newCustomer("nobody"), "1.00")
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.reason")
                .isEqualTo("ACCOUNT_NOT_FOUND");
        assertThat(awaitPaymentEvent(noAccount)).isInstanceOf(PaymentFailed.class);
    }

    @Test
    void rejectsBadPaymentRequests() {
        String customer = newCustomer("bad-payment");
        fund(customer, "5.00");

        for (Map.Entry<String, String> invalid : Map.of(
                        "{\"customerId\": \"%s\", \"amount\": 1.00}".formatted(customer), "orderId",
                        "{\"orderId\": \"%s\", \"amount\": 1.00}".formatted(UUID.randomUUID()), "customerId",
                        "{\"orderId\": \"%s\", \"customerId\": \"%s\", \"amount\": 0}"
                                        .formatted(UUID.randomUUID(), customer),
                                "amount",
                        "{\"orderId\": \"%s\", \"customerId\": \"%s\", \"amount\": 1.005}"
                                        .formatted(UUID.randomUUID(), customer),
                                "amount",
                        "{\"orderId\": \"%s\", \"customerId\": \"%s\", \"amount\": \"abc\"}"
                                        .formatted(UUID.randomUUID(), customer),
                                "amount",
                        "{\"orderId\": \"nope\", \"customerId\": \"%s\", \"amount\": 1.00}".formatted(customer),
                                "orderId")
                .entrySet()) {
            http.post()
                    .uri("/payments")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(invalid.getKey())
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[*].field")
                    .isEqualTo(List.of(invalid.getValue()));
        }
        assertThat(count("select count(*) from charges where customer_id = ?", customer))
                .isZero();
        assertThat(balance(customer)).isEqualByComparingTo("5.00");
    }

    private RestTestClient.ResponseSpec postAccount(String customerId) {
        return http.post()
                .uri("/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("customerId", customerId))
                .exchange();
    }

    private RestTestClient.ResponseSpec deposit(String customerId, String body) {
        return http.post()
                .uri("/accounts/{id}/deposits", customerId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    private RestTestClient.ResponseSpec pay(UUID orderId, String customerId, String amount) {
        return http.post()
                .uri("/payments")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"orderId\": \"%s\", \"customerId\": \"%s\", \"amount\": %s}"
                        .formatted(orderId, customerId, amount))
                .exchange();
    }
}
