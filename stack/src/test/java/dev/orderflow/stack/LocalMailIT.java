package dev.orderflow.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orderflow.testsupport.TestInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalMailIT {

    private static final HttpClient http = HttpClient.newHttpClient();

    private static LocalMail mail;
    private static int smtpPort;
    private static int httpPort;

    @BeforeAll
    static void start() throws Exception {
        TestInfrastructure.Database database = TestInfrastructure.database();
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                Statement statement = connection.createStatement()) {
            // The table as notification-service's migration creates it; only the columns read here.
            statement.execute("create schema if not exists notification");
            statement.execute("create table if not exists notification.customer_contacts"
                    + " (customer_id varchar(64) primary key, email varchar(254) not null)");
            statement.execute("insert into notification.customer_contacts values ('alice', 'alice.liddell@example.com')"
                    + " on conflict do nothing");
        }
        smtpPort = freePort();
        httpPort = freePort();
        mail = LocalMail.start(
                new LocalMail.Options(smtpPort, httpPort, 100),
                new ContactAddresses(database.jdbcUrl(), database.username(), database.password()));
    }

    @AfterAll
    static void stop() {
        mail.close();
    }

    @Test
    void showsACustomersMailsByTheirContactAddress() throws Exception {
        send("alice.liddell@example.com", "Your order was paid", "Your order o-1 was paid: 2.50 USD.");
        send("bob@example.com", "Your deposit was accepted", "Your deposit of 10.00 USD was accepted.");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String alices = get("/messages?customer=alice");
            assertThat(alices)
                    .startsWith("1 e-mail to alice.liddell@example.com (alice's contact address):")
                    .contains("From:     orderflow <no-reply@orderflow.dev>")
                    .contains("To:       alice.liddell@example.com")
                    .contains("Subject:  Your order was paid")
                    .contains("    Your order o-1 was paid: 2.50 USD.")
                    .doesNotContain("bob");
        });
        assertThat(get("/messages?customer=bob%40example.com")).contains("Subject:  Your deposit was accepted");
        assertThat(get("/messages?customer=nobody%40example.com")).isEqualTo("No e-mails to nobody@example.com yet.\n");
        assertThat(get("/messages?limit=1")).startsWith("The latest e-mail:\n");
        assertThat(get("/messages")).contains("alice.liddell@example.com", "bob@example.com");
        assertThat(get("/?customer=alice"))
                .contains("<dd>Your order was paid</dd>")
                .doesNotContain("bob@");
    }

    @Test
    void saysWhenACustomerHasNoAddress() throws Exception {
        assertThat(get("/messages?customer=carol"))
                .isEqualTo("carol has no contact address, so nothing is e-mailed to carol:"
                        + " PUT /customers/carol/contact on notification-service sets one.\n");
    }

    @Test
    void guessesTheAddressFromTheCustomerIdWhenTheDatabaseCannotAnswer() {
        MailSelection selection = MailSelection.of(
                "dave", new ContactAddresses("jdbc:postgresql://127.0.0.1:1/none", "nobody", "nothing"));

        assertThat(selection.heading()).startsWith("e-mails to dave@… (dave's address could not be read: ");
        assertThat(selection.matching().test(new CaughtMail(null, "", "Dave@example.com", "", "")))
                .isTrue();
        assertThat(selection.matching().test(new CaughtMail(null, "", "davey@example.com", "", "")))
                .isFalse();
    }

    @Test
    void answersItsHealthCheck() throws Exception {
        assertThat(get("/health")).isEqualTo("{\"status\":\"UP\"}");
    }

    private static void send(String to, String subject, String body) {
        GreenMailUtil.sendTextEmail(
                to,
                "orderflow <no-reply@orderflow.dev>",
                subject,
                body,
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    private static String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
