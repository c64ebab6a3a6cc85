package dev.orderflow.push.pushing;

import static dev.orderflow.testsupport.Problems.assertFieldError;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.CustomEvent;
import dev.orderflow.events.OrderDispatched;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentEvent;
import dev.orderflow.events.PaymentFailed;
import dev.orderflow.platform.inbox.ProcessedEvents;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.JsonLists;
import dev.orderflow.testsupport.KafkaTestClient;
import dev.orderflow.testsupport.PaymentEvents;
import dev.orderflow.testsupport.TestTraces;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * push-service against the real broker and PostgreSQL, with the default sender that logs each push: every OrderPaid,
 * PaymentFailed and OrderDispatched becomes one push per device token of the customer, however often it is delivered.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PushesIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final KafkaTestClient kafka = new KafkaTestClient();

    @Autowired
    RestTestClient http;

    @Autowired
    PushNotifications pushes;

    @Autowired
    ProcessedEvents processedEvents;

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void pushesAnOrderPaidToEachDeviceOfTheCustomer(CapturedOutput output) {
        Devices devices = customerWithPhoneAndTablet();
        String customer = devices.customer();
        String phone = devices.phone();
        String tablet = devices.tablet();
        OrderPaid paid = PaymentEvents.orderPaid(customer);
        String message = paidMessage(paid);

        kafka.publish(paid);

        awaitLogLine(output, phone, message);
        awaitLogLine(output, tablet, message);
        assertThat(sentTo(customer))
                .extracting(p -> p.get("token"), p -> p.get("message"), p -> p.get("eventType"))
                .containsExactlyInAnyOrder(tuple(phone, message, "OrderPaid"), tuple(tablet, message, "OrderPaid"));
        assertThat(sentTo(customer)).allSatisfy(p -> assertThat(p.get("sentAt")).isNotNull());
    }

    /** The dispatcher sends a push in the trace of the event that asked for it, so bin/trace shows it. */
    @Test
    void sendsAPushInTheTraceOfItsEvent(CapturedOutput output) {
        Devices devices = customerWithPhoneAndTablet();
        OrderPaid paid = PaymentEvents.orderPaid(devices.customer());
        String traceId = TestTraces.newTraceId();

        kafka.publish(CloudEvent.of("/test", paid), TestTraces.traceparent(traceId));

        awaitLogLine(output, devices.phone(), paidMessage(paid));
        assertThat(output.getOut().lines())
                .filteredOn(line -> line.endsWith(" : " + logLine(devices.phone(), paidMessage(paid))))
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .contains(traceId);
    }

    @Test
    void pushesAPaymentFailedToEachDeviceOfTheCustomer(CapturedOutput output) {
        String customer = "customer-" + UUID.randomUUID();
        String phone = token("phone");
        register(customer, phone);
        PaymentFailed failed = PaymentEvents.paymentFailed(customer);
        String message = failedMessage(failed);

        kafka.publish(failed);

        awaitLogLine(output, phone, message);
        assertThat(sentTo(customer)).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("token", phone)
                .containsEntry("message", message)
                .containsEntry("eventType", "PaymentFailed"));
    }

    @Test
    void aRedeliveredEventIsPushedOncePerDevice(CapturedOutput output) {
        Devices devices = customerWithPhoneAndTablet();
        String customer = devices.customer();
        String phone = devices.phone();
        String tablet = devices.tablet();
        OrderPaid paid = PaymentEvents.orderPaid(customer);
        CloudEvent event = kafka.publish(paid);
        kafka.publish(event);
        kafka.publish(event);

        awaitProcessedAfterEverythingBefore(output, customer, phone);

        String message = paidMessage(paid);
        assertThat(logLines(output, phone, message)).isEqualTo(1);
        assertThat(logLines(output, tablet, message)).isEqualTo(1);
        assertThat(pushes.findByEventId(event.id())).extracting(Push::token).containsExactlyInAnyOrder(phone, tablet);
    }

    @Test
    void anOrderDispatchedDeliveredTwiceIsPushedOncePerDevice(CapturedOutput output) {
        Devices devices = customerWithPhoneAndTablet();
        String customer = devices.customer();
        String phone = devices.phone();
        String tablet = devices.tablet();
        OrderDispatched dispatched = new OrderDispatched(
                UUID.randomUUID(),
                customer,
                "eu-west",
                "paid-orders-to-store",
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        CloudEvent event = kafka.publish(dispatched);
        kafka.publish(event);

        // a marker on the same topic and key: the payment marker would not say that `fulfillment` was read this far
        OrderDispatched marker =
                new OrderDispatched(UUID.randomUUID(), customer, "eu-west", "paid-orders-to-store", Instant.now());
        kafka.publish(marker);
        awaitLogLine(output, phone, "Your order " + marker.orderId() + " has been dispatched.");

        String message = "Your order " + dispatched.orderId() + " has been dispatched.";
        assertThat(logLines(output, phone, message)).isEqualTo(1);
        assertThat(logLines(output, tablet, message)).isEqualTo(1);
        assertThat(pushes.findByEventId(event.id())).extracting(Push::token).containsExactlyInAnyOrder(phone, tablet);
        assertThat(sentTo(customer))
                .filteredOn(p -> "OrderDispatched".equals(p.get("eventType")))
                .filteredOn(p -> message.equals(p.get("message")))
                .extracting(p -> p.get("token"), p -> p.get("message"))
                .containsExactlyInAnyOrder(tuple(phone, message), tuple(tablet, message));
    }

    @Test
    void aCustomEventOnTheBusIsNotPushed() {
        CloudEvent custom = kafka.publish(new CustomEvent(
                "partner.warehouse",
                "StockCounted",
                List.of(),
                null,
                JsonNodeFactory.instance.objectNode().put("sku", "pencil")));

        await().atMost(TIMEOUT).until(() -> processedEvents.contains(custom.id()));
        assertThat(pushes.findByEventId(custom.id())).isEmpty();
    }

    @Test
    void depositsAreNotPushed(CapturedOutput output) {
        String customer = "customer-" + UUID.randomUUID();
        String phone = token("phone");
        register(customer, phone);
        CloudEvent deposit = kafka.publish(PaymentEvents.depositAccepted(customer));

        awaitProcessedAfterEverythingBefore(output, customer, phone);

        assertThat(pushes.findByEventId(deposit.id())).isEmpty();
        assertThat(sentTo(customer)).extracting(p -> p.get("eventType")).containsExactly("PaymentFailed");
        assertThat(output.getOut()).doesNotContain("deposit");
    }

    @Test
    void aTokenMovesToTheCustomerWhoRegisteredItLast(CapturedOutput output) {
        String alice = "alice-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        String phone = token("phone");
        register(alice, phone);
        register(bob, phone);

        CloudEvent forAlice = kafka.publish(PaymentEvents.orderPaid(alice));
        OrderPaid forBob = PaymentEvents.orderPaid(bob);
        kafka.publish(forBob);

        awaitLogLine(output, phone, paidMessage(forBob));
        await().atMost(TIMEOUT).until(() -> processedEvents.contains(forAlice.id()));
        assertThat(pushes.findByEventId(forAlice.id())).isEmpty();
        assertThat(sentTo(alice)).isEmpty();
        assertThat(sentTo(bob)).extracting(p -> p.get("token")).containsExactly(phone);
    }

    @Test
    void aRemovedTokenGetsNoMorePushes(CapturedOutput output) {
        Devices devices = customerWithPhoneAndTablet();
        String customer = devices.customer();
        String phone = devices.phone();
        String tablet = devices.tablet();

        remove(customer, phone);
        remove(customer, phone);
        remove(customer, token("never-registered"));
        OrderPaid paid = PaymentEvents.orderPaid(customer);
        CloudEvent event = kafka.publish(paid);

        awaitLogLine(output, tablet, paidMessage(paid));
        assertThat(pushes.findByEventId(event.id())).extracting(Push::token).containsExactly(tablet);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillProcessed(CapturedOutput output) {
        String customer = "customer-" + UUID.randomUUID();
        String phone = token("phone");
        register(customer, phone);
        kafka.publishGarbage(
                PaymentEvent.TOPIC,
                customer,
                "dev.orderflow.PaymentFailed.v1",
                "{not json".getBytes(StandardCharsets.UTF_8));
        OrderPaid next = PaymentEvents.orderPaid(customer);
        kafka.publish(next);

        kafka.awaitUnreadableDeadLettered(
                PaymentEvent.TOPIC, customer, "dev.orderflow.PaymentFailed.v1", "{not json", "StreamReadException");
        awaitLogLine(output, phone, paidMessage(next));
    }

    @Test
    void rejectsInvalidRequestsWithFieldErrors() {
        expectFieldError(http.put().uri("/customers/{c}/push-tokens/{t}", "bob", "not a token!"), "token");
        expectFieldError(
                http.put().uri("/customers/{c}/push-tokens/{t}", "b".repeat(65), token("phone")), "customerId");
        expectFieldError(http.put().uri("/customers/{c}/push-tokens/{t}", "bob", "t".repeat(513)), "token");
        expectFieldError(http.get().uri("/push-notifications?customerId={c}", " "), "customerId");
        http.get()
                .uri("/push-notifications")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /**
     * Publishes a PaymentFailed on the customer's key and waits until it is pushed: the customer's records are one
     * partition, in order, so everything published before it has been processed too.
     */
    private void awaitProcessedAfterEverythingBefore(CapturedOutput output, String customer, String token) {
        PaymentFailed marker = PaymentEvents.paymentFailed(customer);
        kafka.publish(marker);
        awaitLogLine(output, token, failedMessage(marker));
    }

    /** A new customer with two registered devices. */
    private record Devices(String customer, String phone, String tablet) {}

    private Devices customerWithPhoneAndTablet() {
        Devices devices = new Devices("customer-" + UUID.randomUUID(), token("phone"), token("tablet"));
        register(devices.customer(), devices.phone());
        register(devices.customer(), devices.tablet());
        return devices;
    }

    /** The push for {@link PaymentEvents#orderPaid}. */
    private static String paidMessage(OrderPaid paid) {
        return "Your order " + paid.orderId() + " was paid: 7.00 USD. Your balance is 93.00 USD.";
    }

    /** The push for {@link PaymentEvents#paymentFailed}. */
    private static String failedMessage(PaymentFailed failed) {
        return "Your order " + failed.orderId() + " could not be paid: insufficient funds (7.00 USD).";
    }

    private static String token(String device) {
        return device + "-" + UUID.randomUUID() + ":APA91b";
    }

    private static String logLine(String token, String message) {
        return "send notification to mobile app with token: " + token + " and message: " + message;
    }

    /** How many log lines say exactly this push was sent. */
    private static long logLines(CapturedOutput output, String token, String message) {
        String line = logLine(token, message);
        return output.getOut().lines().filter(l -> l.endsWith(" : " + line)).count();
    }

    private static void awaitLogLine(CapturedOutput output, String token, String message) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> logLines(output, token, message) >= 1);
        String line = output.getOut()
                .lines()
                .filter(l -> l.endsWith(" : " + logLine(token, message)))
                .findFirst()
                .orElseThrow();
        assertThat(line).contains(" INFO ").contains("LogPushSender");
    }

    private void register(String customer, String token) {
        http.put()
                .uri("/customers/{c}/push-tokens/{t}", customer, token)
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    private void remove(String customer, String token) {
        http.delete()
                .uri("/customers/{c}/push-tokens/{t}", customer, token)
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    private List<Map<String, Object>> sentTo(String customer) {
        return JsonLists.get(http, "/push-notifications?customerId={c}", customer);
    }

    private void expectFieldError(RestTestClient.RequestHeadersSpec<?> request, String field) {
        assertFieldError(request.exchange(), field);
    }
}
