package dev.orderflow.fulfillment.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.testsupport.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * The console's pages are the operator's: without a login every page leads to the login form, a wrong password back
 * to it with a message, every form post needs its CSRF token, and a bad form is the form again with a 400, its message
 * and what was typed, nothing stored. The API's bearer-token chain is untouched beside it.
 */
@IntegrationTest
class ConsoleIT {

    static final String USER = "operator";
    static final String PASSWORD = "test-console-password";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAnonymousPageRequestIsRedirectedToTheLoginPage() {
        HttpResponse<String> response = new ConsoleSession(port).get("/console/rules");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/console/login"));
    }

    @Test
    void aWrongPasswordLeadsBackToTheLoginPageWithAnError() {
        ConsoleSession session = new ConsoleSession(port);

        HttpResponse<String> login = session.login(USER, "not-the-password");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/console/login?error"));
        assertThat(session.get("/console/login?error").body()).contains("Wrong user name or password.");
        assertThat(session.get("/console/rules").statusCode()).isEqualTo(302);
    }

    @Test
    void theOperatorLogsInAndSeesThePages() {
        ConsoleSession session = loggedIn();

        for (String page : new String[] {
            "/console",
            "/console/events",
            "/console/rules",
            "/console/rules/new",
            "/console/rules/test",
            "/console/deliveries",
            "/console/dead-letters",
            "/console/numbers",
            "/console/orders/" + UUID.randomUUID()
        }) {
            HttpResponse<String> response = session.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(page)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        }
        assertThat(session.get("/console/rules").body()).contains("orders-to-log");
        assertThat(session.get("/console/rules/no-such-rule/edit").statusCode()).isEqualTo(404);
        assertThat(session.get("/console/replays/no-such-replay").statusCode()).isEqualTo(404);
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        ConsoleSession session = loggedIn();
        String name = "console-csrf-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> response = session.post("/console/rules", rule(name, "{\"source\": [\"x\"]}"), null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(rules(name)).isZero();
    }

    @Test
    void aRuleFormWithInvalidJsonIsShownAgainWithItsMessageAndWhatWasTyped() {
        ConsoleSession session = loggedIn();
        String name = "console-bad-" + UUID.randomUUID().toString().substring(0, 8);
        String typed = "{\"detail-type\": [\"OrderPaid\"";

        HttpResponse<String> response = session.post("/console/rules", rule(name, typed), "/console/rules/new");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("eventPattern: is not valid JSON").contains(HtmlUtils.htmlEscape(typed));
        assertThat(rules(name)).isZero();
    }

    @Test
    void aRuleFormWithAnInvalidPatternAControlCharacterOrNoNameIsRefusedWithItsMessage() {
        ConsoleSession session = loggedIn();
        String name = "console-bad-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> invalidPattern =
                session.post("/console/rules", rule(name, "{\"detail-type\": [{\"nope\": 1}]}"), "/console/rules/new");
        HttpResponse<String> control =
                session.post("/console/rules", rule(name + "\u0000", "{\"source\": [\"x\"]}"), "/console/rules/new");
        HttpResponse<String> noName =
                session.post("/console/rules", rule("  ", "{\"source\": [\"x\"]}"), "/console/rules/new");

        assertThat(invalidPattern.statusCode()).isEqualTo(400);
        assertThat(invalidPattern.body()).contains("eventPattern: ");
        assertThat(control.statusCode()).isEqualTo(400);
        assertThat(control.body()).contains("name: must not contain control characters");
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body()).contains("name: is required");
        assertThat(rules(name)).isZero();
    }

    @Test
    void aMultiLineRuleFormIsStoredAndTheRuleCanBeDisabledAndDeleted() {
        ConsoleSession session = loggedIn();
        String name = "console-ok-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> saved = session.post(
                "/console/rules", rule(name, "{\n\t\"source\": [\"console-test\"]\n}"), "/console/rules/new");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(rules(name)).isOne();

        session.post("/console/rules/" + name + "/state", Map.of("state", "DISABLED"), "/console/rules");
        assertThat(jdbc.sql("select state from rules where name = ?")
                        .param(name)
                        .query(String.class)
                        .single())
                .isEqualTo("DISABLED");

        session.post("/console/rules/" + name + "/delete", Map.of(), "/console/rules");
        assertThat(rules(name)).isZero();
    }

    @Test
    void thePatternTesterSaysWhetherAnEventMatchesAndRefusesAnEventThatIsNoJson() {
        ConsoleSession session = loggedIn();
        String event = """
                {"source": "orderflow.billing", "detail-type": "OrderPaid", "detail": {"location": "us-east"}}""";

        HttpResponse<String> matches = session.post(
                "/console/rules/test",
                Map.of(
                        "eventPattern", "{\"detail\": {\"location\": [{\"prefix\": \"us-\"}]}}",
                        "event", event,
                        "target", "{\"id\": \"t\", \"type\": \"log\", \"inputPath\": \"$.detail.location\"}"),
                "/console/rules/test");
        HttpResponse<String> bad = session.post(
                "/console/rules/test",
                Map.of("eventPattern", "{\"source\": [\"x\"]}", "event", "not json"),
                "/console/rules/test");

        assertThat(matches.statusCode()).isEqualTo(200);
        assertThat(matches.body()).contains("The event matches the pattern.").contains("us-east");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("event: is not valid JSON").contains("not json");
    }

    @Test
    void aRedriveFormWithAnUnknownTopicOrABadTimeIsRefusedWithItsMessage() {
        ConsoleSession session = loggedIn();

        HttpResponse<String> response = session.post(
                "/console/dead-letters/redrive",
                Map.of("topic", "no-such-dlt", "from", "yesterday"),
                "/console/dead-letters");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("topic: must be one of").contains("from: must be an ISO-8601 instant");
        assertThat(response.body()).contains("value=\"yesterday\"");
    }

    @Test
    void aReplayStartedThroughTheFormShowsItsProgressAndABadOneItsMessage() {
        ConsoleSession session = loggedIn();
        String name = "console-replay-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();

        HttpResponse<String> future = session.post(
                "/console/replays",
                Map.of(
                        "name",
                        name,
                        "from",
                        now.toString(),
                        "to",
                        now.plusSeconds(3600).toString()),
                "/console/deliveries");
        HttpResponse<String> started = session.post(
                "/console/replays",
                Map.of("name", name, "from", now.minusSeconds(60).toString(), "to", now.toString()),
                "/console/deliveries");

        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("to must not be in the future");
        assertThat(started.statusCode()).isEqualTo(302);
        assertThat(started.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/console/replays/" + name));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        session.get("/console/replays/" + name).body())
                .contains("COMPLETED"));
    }

    @Test
    void theApiStillWantsABearerToken() {
        HttpResponse<String> response = new ConsoleSession(port).get("/rules");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private ConsoleSession loggedIn() {
        ConsoleSession session = new ConsoleSession(port);
        HttpResponse<String> login = session.login(USER, PASSWORD);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/console"));
        return session;
    }

    private static Map<String, String> rule(String name, String pattern) {
        return Map.of(
                "mode",
                "create",
                "name",
                name,
                "description",
                "from the console test",
                "state",
                "ENABLED",
                "eventPattern",
                pattern,
                "targets",
                "[{\"id\": \"log\", \"type\": \"log\", \"logGroup\": \"/console/test\"}]");
    }

    private int rules(String name) {
        return jdbc.sql("select count(*) from rules where name like ?")
                .param(name.strip() + "%")
                .query(Integer.class)
                .single();
    }
}
