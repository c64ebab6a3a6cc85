package dev.orderflow.notification.notifying;

import static dev.orderflow.testsupport.Problems.assertFieldError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.CustomEvent;
import dev.orderflow.events.DepositAccepted;
import dev.orderflow.events.OrderDispatched;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentEvent;
import dev.orderflow.events.PaymentFailed;
import dev.orderflow.platform.inbox.ProcessedEvents;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.JsonLists;
import dev.orderflow.testsupport.KafkaTestClient;
import dev.orderflow.testsupport.PaymentEvents;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * notification-service against the real broker, PostgreSQL and GreenMail as its SMTP server: every payment event, and
 * every dispatched order, becomes one stored notification, e-mailed to the customer's address, however often it is
 * delivered.
 */
@IntegrationTest
class NotificationsIT {

    private static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final KafkaTestClient kafka = new KafkaTestClient();

    @RegisterExtension
    static final GreenMailExtension mailServer = new GreenMailExtension(
                    new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProcessedEvents processedEvents;

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void storesOneNotificationPerEventTypeWithAHumanMessageOldestFirst() {
        String customer = "customer-" + UUID.randomUUID();
        DepositAccepted deposit = PaymentEvents.depositAccepted(customer);
        OrderPaid paid = PaymentEvents.orderPaid(customer);
        PaymentFailed failed = PaymentEvents.paymentFailed(customer);

        kafka.publish(deposit);
        kafka.publish(paid);
        kafka.publish(failed);

        List<Map<String, Object>> notifications = awaitNotifications(customer, 3);
        assertThat(notifications)
                .extracting(n -> n.get("type"), n -> n.get("message"))
                .containsExactly(
                        tuple(
                                "DEPOSIT_ACCEPTED",
                                "Your deposit of 100.00 USD was accepted. Your balance is 100.00 USD."),
                        tuple(
                                "ORDER_PAID",
                                "Your order " + paid.orderId() + " was paid: 7.00 USD. Your balance is 93.00 USD."),
                        tuple(
                                "PAYMENT_FAILED",
                                "Your order " + failed.orderId()
                                        + " could not be paid: insufficient funds (7.00 USD)."));
        assertThat(notifications).allSatisfy(n -> {
            assertThat(n).containsEntry("customerId", customer).containsKeys("id", "createdAt");
            // this customer gave no address: stored only
            assertThat(n).containsEntry("channel", "STORED").containsEntry("emailStatus", "NOT_SENT");
        });
    }

    @Test
    void emailsEachNotificationToTheCustomersAddress() {
        String customer = "customer-" + UUID.randomUUID();
        String address = customer + "@example.com";
        setContact(customer, address);
        OrderPaid paid = PaymentEvents.orderPaid(customer);

        kafka.publish(paid);

        MimeMessage email = awaitEmails(address, 1).getFirst();
        assertThat(recipients(email)).containsExactly(address);
        assertThat(subject(email)).isEqualTo("Your order was paid");
        assertThat(body(email))
                .isEqualTo("Your order " + paid.orderId() + " was paid: 7.00 USD. Your balance is 93.00 USD.");
        assertThat(from(email)).isEqualTo("orderflow <no-reply@orderflow.dev>");
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(awaitNotifications(customer, 1).getFirst())
                        .containsEntry("channel", "EMAIL")
                        .containsEntry("emailStatus", "SENT"));
    }

    @Test
    void aRedeliveredEventGivesOneNotificationAndOneEmail() {
        String customer = "customer-" + UUID.randomUUID();
        String address = customer + "@example.com";
        setContact(customer, address);
        CloudEvent deposit = kafka.publish(PaymentEvents.depositAccepted(customer));
        kafka.publish(deposit);
        kafka.publish(deposit);
        // Published after the redeliveries with the same key, so processed after them.
        OrderPaid marker = PaymentEvents.orderPaid(customer);
        kafka.publish(marker);

        List<MimeMessage> emails = awaitEmails(address, 2);

        assertThat(emails)
                .extracting(NotificationsIT::subject)
                .containsExactly("Your deposit was accepted", "Your order was paid");
        assertThat(notificationsOf(customer))
                .extracting(n -> n.get("type"))
                .containsExactly("DEPOSIT_ACCEPTED", "ORDER_PAID");
        assertThat(jdbc.sql("select count(*) from notifications where event_id = ?")
                        .param(deposit.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anOrderDispatchedDeliveredTwiceGivesOneNotificationAndOneEmail() {
        String customer = "customer-" + UUID.randomUUID();
        String address = customer + "@example.com";
        setContact(customer, address);
        OrderDispatched dispatched = dispatched(customer);
        CloudEvent event = kafka.publish(dispatched);
        kafka.publish(event);
        // Published after the redelivery with the same key, so processed after it.
        OrderDispatched marker = dispatched(customer);
        kafka.publish(marker);

        List<Map<String, Object>> notifications = await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> notificationsOf(customer),
                        all -> all.size() >= 2 && all.stream().allMatch(n -> "SENT".equals(n.get("emailStatus"))));

        assertThat(notifications)
                .extracting(n -> n.get("type"), n -> n.get("message"))
                .containsExactly(
                        tuple("ORDER_DISPATCHED", "Your order " + dispatched.orderId() + " has been dispatched."),
                        tuple("ORDER_DISPATCHED", "Your order " + marker.orderId() + " has been dispatched."));
        assertThat(emailsTo(address))
                .extracting(NotificationsIT::subject)
                .containsExactly("Your order has been dispatched", "Your order has been dispatched");
        assertThat(jdbc.sql("select count(*) from notifications where event_id = ?")
                        .param(event.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aCustomEventOnTheBusTellsNoOne() {
        CloudEvent custom = kafka.publish(new CustomEvent(
                "partner.warehouse",
                "StockCounted",
                List.of(),
                null,
                JsonNodeFactory.instance.objectNode().put("sku", "pencil")));

        await().atMost(TIMEOUT).until(() -> processedEvents.contains(custom.id()));
        assertThat(jdbc.sql("select count(*) from notifications where event_id = ?")
                        .param(custom.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
        String customer = "customer-" + UUID.randomUUID();
        kafka.publishGarbage(
                PaymentEvent.TOPIC,
                customer,
                "dev.orderflow.OrderPaid.v1",
                "{not json".getBytes(StandardCharsets.UTF_8));
        kafka.publish(PaymentEvents.depositAccepted(customer));

        kafka.awaitUnreadableDeadLettered(
                PaymentEvent.TOPIC, customer, "dev.orderflow.OrderPaid.v1", "{not json", "StreamReadException");
        assertThat(awaitNotifications(customer, 1))
                .extracting(n -> n.get("type"))
                .containsExactly("DEPOSIT_ACCEPTED");
    }

    @Test
    void storesAndEmailsADirectNotification() {
        String customer = "customer-" + UUID.randomUUID();
        String address = customer + "@example.com";
        setContact(customer, address);

        http.post()
                .uri("/notifications")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("customerId", customer, "message", "Your parcel is on its way."))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.id")
                .exists()
                .jsonPath("$.customerId")
                .isEqualTo(customer)
                .jsonPath("$.type")
                .isEqualTo("DIRECT")
                .jsonPath("$.message")
                .isEqualTo("Your parcel is on its way.")
                .jsonPath("$.channel")
                .isEqualTo("EMAIL")
                .jsonPath("$.createdAt")
                .exists();

        MimeMessage email = awaitEmails(address, 1).getFirst();
        assertThat(subject(email)).isEqualTo("A message from orderflow");
        assertThat(body(email)).isEqualTo("Your parcel is on its way.");
        assertThat(notificationsOf(customer)).extracting(n -> n.get("type")).containsExactly("DIRECT");
    }

    @Test
    void aChangedAddressReceivesTheNextEmails() {
        String customer = "customer-" + UUID.randomUUID();
        setContact(customer, "old-" + customer + "@example.com");
        setContact(customer, "new-" + customer + "@example.com");

        kafka.publish(PaymentEvents.paymentFailed(customer));

        MimeMessage email = awaitEmails("new-" + customer + "@example.com", 1).getFirst();
        assertThat(subject(email)).isEqualTo("Your order could not be paid");
        assertThat(emailsTo("old-" + customer + "@example.com")).isEmpty();
    }

    @Test
    void rejectsInvalidRequestsWithFieldErrorsAndLeavesNothingBehind() {
        long before =
                jdbc.sql("select count(*) from notifications").query(Long.class).single();

        expectFieldError(http.post().uri("/notifications"), "{\"message\":\"hello\"}", "customerId");
        expectFieldError(http.post().uri("/notifications"), "{\"customerId\":\"bob\",\"message\":\" \"}", "message");
        expectFieldError(
                http.post().uri("/notifications"), "{\"customerId\":\"bob\",\"message\":[\"hello\"]}", "message");
        expectFieldError(http.put().uri("/customers/{c}/contact", "bob"), "{\"email\":\"not an address\"}", "email");
        expectFieldError(http.put().uri("/customers/{c}/contact", "bob"), "{\"email\":\"\"}", "email");
        expectFieldError(http.put().uri("/customers/{c}/contact", "bob"), "{}", "email");
        http.post()
                .uri("/notifications")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{not json")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get()
                .uri("/notifications")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(jdbc.sql("select count(*) from notifications")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from customer_contacts where customer_id = 'bob'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static OrderDispatched dispatched(String customer) {
        return new OrderDispatched(
                UUID.randomUUID(),
                customer,
                "us-east",
                "paid-orders-to-store",
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private void expectFieldError(RestTestClient.RequestBodySpec request, String body, String field) {
        assertFieldError(
                request.contentType(MediaType.APPLICATION_JSON).body(body).exchange(), field);
    }

    private void setContact(String customer, String address) {
        http.put()
                .uri("/customers/{c}/contact", customer)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", address))
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    private List<Map<String, Object>> notificationsOf(String customer) {
        return JsonLists.get(http, "/notifications?customerId={c}", customer);
    }

    private List<Map<String, Object>> awaitNotifications(String customer, int count) {
        return await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> notificationsOf(customer), notifications -> notifications.size() >= count);
    }

    private static List<MimeMessage> emailsTo(String address) {
        return Arrays.stream(mailServer.getReceivedMessages())
                .filter(message -> recipients(message).contains(address))
                .toList();
    }

    private static List<MimeMessage> awaitEmails(String address, int count) {
        return await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> emailsTo(address), emails -> emails.size() >= count);
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients == null
                    ? List.of()
                    : Arrays.stream(recipients).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String from(MimeMessage message) {
        try {
            return message.getFrom()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) {
        try {
            return message.getContent().toString().strip();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
