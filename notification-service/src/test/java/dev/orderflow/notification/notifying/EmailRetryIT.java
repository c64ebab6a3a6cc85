package dev.orderflow.notification.notifying;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orderflow.events.CloudEvent;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.KafkaTestClient;
import dev.orderflow.testsupport.PaymentEvents;
import dev.orderflow.testsupport.TestTraces;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A mail server that does not answer: the e-mail is retried with backoff and every failure recorded, the consumer goes
 * on storing notifications, and the e-mail goes out once the server is back, or is marked FAILED after the last
 * attempt. This context has its own schema and consumer group, so that its dispatcher and listener see only its own
 * notifications and not those of {@link NotificationsIT}'s context, which may run in the same JVM.
 */
@IntegrationTest(
        properties = {
            "spring.mail.host=127.0.0.1",
            "orderflow.notification.email.dispatch.max-attempts=4",
            "orderflow.notification.email.dispatch.first-retry=500ms",
            "orderflow.notification.email.dispatch.max-retry=2s",
            "orderflow.notification.email.dispatch.poll-interval=100ms",
            "spring.kafka.consumer.group-id=notification-service-email-retry",
            "spring.datasource.hikari.schema=notification_email_retry",
            "spring.flyway.schemas=notification_email_retry",
            "spring.flyway.default-schema=notification_email_retry"
        })
@ExtendWith(OutputCaptureExtension.class)
class EmailRetryIT {

    private static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final KafkaTestClient kafka = new KafkaTestClient();

    /** Not started until a test starts it: until then nothing listens on its port. */
    private final GreenMail mailServer =
            new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void stopMailServer() {
        mailServer.stop();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aFailedSendIsRecordedAndRetriedUntilTheServerIsBack() throws Exception {
        String customer = "customer-" + UUID.randomUUID();
        String address = customer + "@example.com";
        setContact(customer, address);
        CloudEvent paid = kafka.publish(PaymentEvents.orderPaid(customer));

        EmailState failing = await().atMost(TIMEOUT)
                .until(() -> emailState(paid.id()), state -> state != null && state.attempts() >= 1);
        assertThat(failing.status()).isEqualTo("PENDING");
        assertThat(failing.lastError()).contains("127.0.0.1").containsIgnoringCase("connect");

        mailServer.start();

        EmailState sent =
                await().atMost(TIMEOUT).until(() -> emailState(paid.id()), state -> "SENT".equals(state.status()));
        assertThat(sent.attempts()).isGreaterThanOrEqualTo(2);
        // Only this test's e-mail: another test's may still be retrying and reach this server too.
        List<MimeMessage> received = Arrays.stream(mailServer.getReceivedMessages())
                .filter(message -> isTo(message, address))
                .toList();
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().getSubject()).isEqualTo("Your order was paid");
    }

    @Test
    void anEmailIsMarkedFailedAfterTheLastAttemptAndTheConsumerKeepsGoing() {
        String customer = "customer-" + UUID.randomUUID();
        setContact(customer, customer + "@example.com");
        CloudEvent failed = kafka.publish(PaymentEvents.paymentFailed(customer));
        await().atMost(TIMEOUT).until(() -> emailState(failed.id()), state -> state != null && state.attempts() >= 1);

        // While the e-mail waits for its next attempt, the consumer stores what comes next.
        CloudEvent next = kafka.publish(PaymentEvents.depositAccepted(customer));
        EmailState whileRetrying = await().atMost(TIMEOUT).until(() -> emailState(next.id()), state -> state != null);
        assertThat(whileRetrying.status()).isEqualTo("PENDING");

        EmailState gaveUp =
                await().atMost(TIMEOUT).until(() -> emailState(failed.id()), state -> "FAILED".equals(state.status()));
        assertThat(gaveUp.attempts()).isEqualTo(4);
        assertThat(gaveUp.lastError()).isNotBlank();
        assertThat(mailServer.getReceivedMessages()).isEmpty();
    }

    /**
     * The dispatcher tries an e-mail in the trace of the event that asked for it: its failures and its sending are in
     * bin/trace.
     */
    @Test
    void eachAttemptIsLoggedInTheTraceOfItsEvent(CapturedOutput output) {
        String customer = "customer-" + UUID.randomUUID();
        setContact(customer, customer + "@example.com");
        String traceId = TestTraces.newTraceId();
        CloudEvent paid = CloudEvent.of("/test", PaymentEvents.orderPaid(customer));

        kafka.publish(paid, TestTraces.traceparent(traceId));

        String notification = await().atMost(TIMEOUT)
                .until(
                        () -> jdbc.sql("select id::text from notifications where event_id = ?")
                                .param(paid.id())
                                .query(String.class)
                                .optional()
                                .orElse(null),
                        Objects::nonNull);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(output.getOut().lines())
                .filteredOn(line -> line.contains("notification " + notification) && line.contains("failed, retrying"))
                .first(as(InstanceOfAssertFactories.STRING))
                .contains(traceId));

        mailServer.start();

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(output.getOut().lines())
                .filteredOn(line -> line.endsWith("E-mail of notification " + notification + " sent"))
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .contains(traceId));
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .anyMatch(to -> to.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A notification's e-mail as the dispatcher left it. */
    record EmailState(String status, int attempts, String lastError) {}

    private EmailState emailState(String eventId) {
        return jdbc.sql("select email_status, email_attempts, email_last_error from notifications where event_id = ?")
                .param(eventId)
                .query((rs, row) -> new EmailState(
                        rs.getString("email_status"), rs.getInt("email_attempts"), rs.getString("email_last_error")))
                .optional()
                .orElse(null);
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
}
