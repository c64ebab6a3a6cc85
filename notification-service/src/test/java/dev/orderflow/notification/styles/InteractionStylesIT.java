package dev.orderflow.notification.styles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentEvent;
import dev.orderflow.events.PaymentFailed;
import dev.orderflow.platform.interaction.Interaction;
import dev.orderflow.platform.observability.TraceContexts;
import dev.orderflow.testsupport.KafkaTestClient;
import dev.orderflow.testsupport.TestTraces;
import dev.orderflow.testsupport.Tokens;
import jakarta.servlet.Filter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The saga end to end in each interaction style, against the real broker and database: order-service, billing-service
 * and notification-service run in this JVM with the style set, as {@code bin/stack up --interaction STYLE} runs them.
 */
@ExtendWith(OutputCaptureExtension.class)
class InteractionStylesIT {

    private static final String SERVICE_TOKEN = "orderflow.security.service-token";

    private final List<ConfigurableApplicationContext> services = new ArrayList<>();

    @AfterEach
    void stopServices() {
        services.reversed().forEach(ConfigurableApplicationContext::close);
    }

    @ParameterizedTest
    @EnumSource(Interaction.class)
    void theSagaEndsWithTheSameOrdersBalanceAndNotificationsInEveryStyle(Interaction style, CapturedOutput output) {
        Suite suite = suite(style, billing -> {});
        String customer = "styles-" + style + "-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(Http.post(suite.billing() + "/accounts", "{\"customerId\":\"" + customer + "\"}")
                        .status())
                .isEqualTo(201);
        assertThat(Http.post(suite.billing() + "/accounts/" + customer + "/deposits", "{\"amount\":10.00}")
                        .status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(balance(suite, customer)).isEqualByComparingTo("10.00"));

        Http.Response failing = placeOrder(suite, customer, "backpack", 1);
        assertThat(failing.status()).isEqualTo(201);
        if (style != Interaction.EVENTS) {
            // styles I and II answer with the outcome
            assertThat(failing.body().path("status").asString()).isEqualTo("PAYMENT_FAILED");
        }
        String failingId = failing.body().path("orderId").asString();
        awaitOrder(suite, failingId, "PAYMENT_FAILED");
        assertThat(Http.get(suite.orders() + "/orders/" + failingId)
                        .body()
                        .path("failureReason")
                        .asString())
                .isEqualTo("INSUFFICIENT_FUNDS");

        String traceId = TestTraces.newTraceId();
        Http.Response paying = Http.post(
                suite.orders() + "/orders",
                order(customer, "pencil", 2),
                Tokens.admin(),
                Map.of("traceparent", TestTraces.traceparent(traceId)));
        assertThat(paying.status()).isEqualTo(201);
        if (style != Interaction.EVENTS) {
            assertThat(paying.body().path("status").asString()).isEqualTo("PAID");
        }
        String payingId = paying.body().path("orderId").asString();
        awaitOrder(suite, payingId, "PAID");
        assertThat(balance(suite, customer)).isEqualByComparingTo("7.50");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(notificationTypes(suite, customer))
                .containsExactly("DEPOSIT_ACCEPTED", "PAYMENT_FAILED", "ORDER_PAID"));
        // one order is one trace in every style, over HTTP calls as over topics: notification-service stored the
        // order's notification in the trace of its POST /orders
        assertThat(TraceContexts.traceId(notificationTraceparent(suite, customer, "ORDER_PAID")))
                .isEqualTo(traceId);
        if (style != Interaction.EVENTS) {
            // order-service's call to billing has its line in that trace, as the OrderCreated it publishes has
            assertThat(output.getOut().lines())
                    .anyMatch(line -> line.contains("Billing answered for order " + payingId + ": paid")
                            && line.contains(traceId));
        }
        if (style == Interaction.HTTP) {
            // and billing's call is on the event path in the logs, in that trace, as a record's processing is
            assertThat(output.getOut().lines())
                    .anyMatch(line -> line.contains("OrderPaid")
                            && line.contains("from POST /internal/payment-events")
                            && line.contains(traceId));
        }

        // push and fulfilment hear of outcomes from the payment topic, in every style
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(kafka.events(PaymentEvent.TOPIC, payingId))
                        .extracting(CloudEvent::data)
                        .hasOnlyElementsOfType(OrderPaid.class)
                        .hasSize(1);
                assertThat(kafka.events(PaymentEvent.TOPIC, failingId))
                        .extracting(CloudEvent::data)
                        .hasOnlyElementsOfType(PaymentFailed.class)
                        .hasSize(1);
            });
        }
    }

    @Test
    void theCallsBetweenServicesTakeOnlyTheirCallersNarrowScope() {
        Suite suite = suite(Interaction.HTTP, billing -> {});
        String customer = "scopes-" + UUID.randomUUID().toString().substring(0, 8);
        String orderId = UUID.randomUUID().toString();
        String payment = "{\"orderId\":\"" + orderId + "\",\"customerId\":\"" + customer + "\",\"amount\":1.00}";
        String paid = "{\"orderId\":\"" + orderId + "\",\"customerId\":\"" + customer
                + "\",\"amount\":1.00,\"balance\":0.00}";
        Map<String, String> event = Map.of(
                "ce-id",
                UUID.randomUUID().toString(),
                "ce-type",
                dev.orderflow.events.EventTypes.nameOf(OrderPaid.class),
                "ce-specversion",
                "1.0",
                "ce-source",
                "test");
        String paymentEvents = suite.notifications() + "/internal/payment-events";

        assertThat(Http.post(suite.billing() + "/payments", payment, null, Map.of())
                        .status())
                .isEqualTo(401);
        assertThat(Http.post(suite.billing() + "/payments", payment, Tokens.customer(customer), Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(Http.post(
                                suite.billing() + "/payments",
                                payment,
                                Tokens.service("billing-service", "notifications.write"),
                                Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(Http.post(paymentEvents, paid, null, event).status()).isEqualTo(401);
        assertThat(Http.post(paymentEvents, paid, Tokens.customer(customer), event)
                        .status())
                .isEqualTo(403);
        assertThat(Http.post(paymentEvents, paid, Tokens.service("order-service", "payments.write"), event)
                        .status())
                .isEqualTo(403);
        // nothing was charged and nobody was told
        assertThat(charges(suite.services().get(1), orderId)).isZero();
        assertThat(notificationTypes(suite, customer)).isEmpty();

        assertThat(Http.post(paymentEvents, paid, Tokens.service("billing-service", "notifications.write"), event)
                        .status())
                .isEqualTo(204);
        assertThat(notificationTypes(suite, customer)).containsExactly("ORDER_PAID");
    }

    @Test
    void anUnreachableBillingGetsA503WithinTheTimeoutAndTheOrderIsKeptPendingWithoutACharge() {
        ConfigurableApplicationContext orders = start(Services.orderService(
                Interaction.HTTP,
                Map.of(
                        // nothing listens there
                        "orderflow.order.billing.url", "http://localhost:9",
                        "orderflow.order.billing.pending-after", "1h")));
        String url = Services.url(orders);
        String customer = "unreachable-" + UUID.randomUUID().toString().substring(0, 8);

        long started = System.nanoTime();
        Http.Response response = placeOrder(url, customer, "pencil", 1);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.raw().headers().firstValue("Retry-After")).isPresent();
        // three attempts of at most a 2 s read timeout each, with short waits between them
        assertThat(took).isLessThan(Duration.ofSeconds(7));
        String orderId = response.body().path("orderId").asString();
        assertThat(response.raw().headers().firstValue("Location")).hasValue("/orders/" + orderId);
        assertThat(Http.get(url + "/orders/" + orderId).body().path("status").asString())
                .isEqualTo("PENDING");
        // billing was never reached: no OrderCreated went to it either, and the pending-payment job will ask it again
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            assertThat(kafka.events("billing", orderId)).isEmpty();
        }

        // enough failures open the breaker: then an order is refused at once and nothing is stored
        await().atMost(Duration.ofSeconds(60)).until(() -> placeOrder(url, customer, "pencil", 1)
                .body()
                .path("orderId")
                .isMissingNode());
        int stored = JdbcClient.create(orders.getBean(javax.sql.DataSource.class))
                .sql("select count(*) from orders.orders where customer_id = :customer")
                .param("customer", customer)
                .query(Integer.class)
                .single();
        Http.Response refused = placeOrder(url, customer, "pencil", 1);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body().path("orderId").isMissingNode()).isTrue();
        assertThat(JdbcClient.create(orders.getBean(javax.sql.DataSource.class))
                        .sql("select count(*) from orders.orders where customer_id = :customer")
                        .param("customer", customer)
                        .query(Integer.class)
                        .single())
                .isEqualTo(stored);
    }

    @Test
    void aPaymentRetriedAfterItsAnswerTimedOutChargesOnce() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean holdNext = new AtomicBoolean(true);
        // billing charges the first POST /payments, then holds its answer past order-service's read timeout
        Filter loseFirstAnswer = (request, response, chain) -> {
            chain.doFilter(request, response);
            if (((jakarta.servlet.http.HttpServletRequest) request)
                            .getRequestURI()
                            .equals("/payments")
                    && holdNext.compareAndSet(true, false)) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Suite suite = suite(Interaction.MIXED, billing -> billing.getBeanFactory()
                .registerSingleton("loseFirstPaymentAnswer", loseFirstAnswer));
        String customer = "timeout-" + UUID.randomUUID().toString().substring(0, 8);
        Http.post(suite.billing() + "/accounts", "{\"customerId\":\"" + customer + "\"}");
        Http.post(suite.billing() + "/accounts/" + customer + "/deposits", "{\"amount\":10.00}");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(balance(suite, customer)).isEqualByComparingTo("10.00"));

        Http.Response paid = placeOrder(suite, customer, "pencil", 2);
        release.countDown();

        assertThat(holdNext).isFalse();
        assertThat(paid.status()).isEqualTo(201);
        assertThat(paid.body().path("status").asString()).isEqualTo("PAID");
        String orderId = paid.body().path("orderId").asString();
        assertThat(balance(suite, customer)).isEqualByComparingTo("7.50");
        assertThat(charges(suite.services().get(1), orderId)).isOne();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(kafka.events(PaymentEvent.TOPIC, orderId))
                            .hasSize(1));
        }
    }

    /** The three services in one style; billing customised (e.g. with a filter) before it starts. */
    private Suite suite(
            Interaction style, java.util.function.Consumer<ConfigurableApplicationContext> billingCustomizer) {
        // a consumer group of its own, so that another test's notification-service in this JVM does not share the work
        ConfigurableApplicationContext notifications = start(Services.notificationService(
                style, Map.of("spring.kafka.consumer.group-id", "notification-styles-" + style)));
        // each service calls with its own narrow scope, as its client credentials at auth-service give it
        ConfigurableApplicationContext billing = start(Services.billingService(
                style,
                Map.of(
                        "orderflow.billing.notification.url",
                        Services.url(notifications),
                        SERVICE_TOKEN,
                        Tokens.service("billing-service", "notifications.write")),
                billingCustomizer));
        ConfigurableApplicationContext orders = start(Services.orderService(
                style,
                Map.of(
                        "orderflow.order.billing.url",
                        Services.url(billing),
                        "orderflow.order.billing.read-timeout",
                        "1s",
                        SERVICE_TOKEN,
                        Tokens.service("order-service", "payments.write"))));
        return new Suite(List.of(orders, billing, notifications));
    }

    private ConfigurableApplicationContext start(ConfigurableApplicationContext context) {
        services.add(context);
        return context;
    }

    record Suite(List<ConfigurableApplicationContext> services) {

        String orders() {
            return Services.url(services.get(0));
        }

        String billing() {
            return Services.url(services.get(1));
        }

        String notifications() {
            return Services.url(services.get(2));
        }
    }

    private static Http.Response placeOrder(Suite suite, String customer, String product, int quantity) {
        return placeOrder(suite.orders(), customer, product, quantity);
    }

    private static Http.Response placeOrder(String orders, String customer, String product, int quantity) {
        return Http.post(orders + "/orders", order(customer, product, quantity));
    }

    private static String order(String customer, String product, int quantity) {
        return "{\"customerId\":\"" + customer + "\",\"location\":\"eu-west\",\"items\":[{\"productCode\":\"" + product
                + "\",\"quantity\":" + quantity + "}]}";
    }

    private static void awaitOrder(Suite suite, String orderId, String status) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(Http.get(suite.orders() + "/orders/" + orderId)
                                .body()
                                .path("status")
                                .asString())
                        .isEqualTo(status));
    }

    private static BigDecimal balance(Suite suite, String customer) {
        return Http.get(suite.billing() + "/accounts/" + customer)
                .body()
                .path("balance")
                .decimalValue();
    }

    private static List<String> notificationTypes(Suite suite, String customer) {
        JsonNode notifications = Http.get(suite.notifications() + "/notifications?customerId=" + customer)
                .body();
        return StreamSupport.stream(notifications.spliterator(), false)
                .map(n -> n.path("type").asString())
                .toList();
    }

    /** The trace context notification-service stored with the customer's notification of this type. */
    private static String notificationTraceparent(Suite suite, String customer, String type) {
        return JdbcClient.create(suite.services().get(2).getBean(javax.sql.DataSource.class))
                .sql("select traceparent from notification.notifications"
                        + " where customer_id = :customer and type = :type")
                .param("customer", customer)
                .param("type", type)
                .query(String.class)
                .single();
    }

    /** How many charges billing recorded for the order (the database is shared by every service here). */
    private static int charges(ConfigurableApplicationContext anyService, String orderId) {
        return JdbcClient.create(anyService.getBean(javax.sql.DataSource.class))
                .sql("select count(*) from billing.charges where order_id = :orderId")
                .param("orderId", UUID.fromString(orderId))
                .query(Integer.class)
                .single();
    }
}
