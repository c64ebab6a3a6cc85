package dev.orderflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.platform.json.FreeText;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.RawHttp;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every class of bad input gets a 4xx problem+json naming what is wrong, from the platform alone, in a real Tomcat:
 * control characters in body, path and query; coerced numbers; malformed URLs; oversized bodies; wrong media types
 * and methods; and a database that dies in the middle of a transaction is a 503, with nothing written.
 */
@IntegrationTest(properties = "orderflow.platform.web.max-request-body-size=1KB")
@Import(HardenedInputIT.Things.class)
class HardenedInputIT {

    private static final String PROBLEM = "application/problem+json";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RawHttp http;

    @BeforeEach
    void setUp() {
        http = new RawHttp(port);
        jdbc.sql("create table if not exists dying (name text)").update();
    }

    @Test
    void acceptsAWellFormedThing() {
        RawHttp.Response response = post(
                "{\"customerId\":\"alice\",\"name\":\"pencil\",\"note\":\"two\\nlines\\tand a tab\",\"quantity\":2,"
                        + "\"amount\":12.50}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body()).contains("\"quantity\":\"2\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u0001", "\\u001b", "\\u007f", "\\u0085", "\\ud800", "\\n", "\\t", "\\r"})
    void refusesAnEscapedControlCharacterInAStringField(String escaped) {
        assertFieldError(post("{\"customerId\":\"alice\",\"name\":\"pen" + escaped + "cil\",\"quantity\":1}"), "name");
    }

    @Test
    void refusesARawControlCharacterInAStringFieldNamingTheField() {
        assertFieldError(post("{\"customerId\":\"alice\",\"name\":\"pen\u0001cil\",\"quantity\":1}"), "name");
    }

    @Test
    void refusesControlCharactersInsideAListNamingTheElement() {
        assertFieldError(post("{\"customerId\":\"alice\",\"name\":\"a\",\"tags\":[\"ok\",\"n\\u0000\"]}"), "tags[1]");
    }

    @Test
    void freeTextMayHaveLinesAndTabsButNoOtherControlCharacter() {
        assertThat(post("{\"customerId\":\"alice\",\"name\":\"a\",\"note\":\"a\\r\\nb\\tc\"}")
                        .status())
                .isEqualTo(200);
        assertFieldError(post("{\"customerId\":\"alice\",\"name\":\"a\",\"note\":\"a\\u0000b\"}"), "note");
    }

    @Test
    void refusesAControlCharacterAnywhereInAFreeFormValue() {
        assertFieldError(
                post("{\"customerId\":\"alice\",\"name\":\"a\",\"detail\":{\"lines\":[\"ok\",\"n\\u0000\"]}}"),
                "detail");
        assertThat(post("{\"customerId\":\"alice\",\"name\":\"a\",\"detail\":{\"note\":\"two\\nlines\"}}")
                        .status())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "\"2\"", "1e2", "1.0", "true", "2147483648"})
    void neverCoercesAQuantity(String quantity) {
        assertFieldError(post("{\"customerId\":\"alice\",\"name\":\"a\",\"quantity\":" + quantity + "}"), "quantity");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"100.00\"", "1.001", "true", "[1]"})
    void neverCoercesOrRoundsAnAmount(String amount) {
        assertFieldError(post("{\"customerId\":\"alice\",\"name\":\"a\",\"amount\":" + amount + "}"), "amount");
    }

    @Test
    void readsAnAmountInExponentNotationExactly() {
        RawHttp.Response response = post("{\"customerId\":\"alice\",\"name\":\"a\",\"amount\":1e2}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"amountIsHundred\":true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "true", "1.5"})
    void refusesANonStringForAStringField(String value) {
        assertFieldError(post("{\"customerId\":\"alice\",\"name\":" + value + "}"), "name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "alice!", "ä"})
    void appliesTheCustomerIdRule(String customerId) {
        assertFieldError(post("{\"customerId\":\"" + customerId + "\",\"name\":\"a\"}"), "customerId");
    }

    @Test
    void refusesATooLongCustomerId() {
        assertFieldError(post("{\"customerId\":\"" + "a".repeat(65) + "\",\"name\":\"a\"}"), "customerId");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"customerId\":\"alice\",\"name\":\"a\",\"name\":\"b\"}",
                "{\"customerId\":\"alice\",\"name\":\"a\"} {}",
                "{\"customerId\":\"alice\",\"name\":\"a\"",
                "[]",
                "not json"
            })
    void refusesAMalformedBody(String body) {
        RawHttp.Response response = post(body);

        assertProblem(response, 400);
    }

    @Test
    void refusesAMissingBody() {
        RawHttp.Response response = http.send("POST", "/things", null);

        assertProblem(response, 400);
        assertThat(response.body()).contains("A JSON body is required");
    }

    @Test
    void refusesAnUnsupportedMediaType() {
        assertProblem(http.send("POST", "/things", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)), 415);
    }

    @Test
    void refusesAnUnsupportedMethod() {
        assertProblem(http.send("DELETE", "/things", null), 405);
    }

    @Test
    void refusesABodyOverTheLimitByItsLength() {
        RawHttp.Response response = post("{\"customerId\":\"alice\",\"name\":\"" + "a".repeat(2_000) + "\"}");

        assertProblem(response, 413);
    }

    @Test
    void refusesAChunkedBodyOverTheLimitWhileReadingIt() {
        byte[] body =
                ("{\"customerId\":\"alice\",\"name\":\"" + "a".repeat(5_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertProblem(http.sendChunked("POST", "/things", body, 256), 413);
    }

    @Test
    void refusesAControlCharacterInAPathVariableNamingIt() {
        assertFieldError(http.send("GET", "/things/pen%01cil", null), "name");
    }

    @Test
    void refusesAControlCharacterInAQueryParameterNamingIt() {
        assertFieldError(http.send("GET", "/things/pencil?colour=re%1bd", null), "colour");
    }

    @Test
    void leavesAHandlerThatChecksItsOwnParametersItsParametersButNotItsPathVariables() {
        RawHttp.Response response = http.send("GET", "/notes/pencil?text=line%0Aline", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("line\\nline");

        assertFieldError(http.send("GET", "/notes/pen%01cil?text=x", null), "name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/things/pen%00cil", "/things/%zz", "/things/%", "/things/%e2%28%a1", "/things/a/../../x"})
    void answersAMalformedUrlWithAProblemNotAnHtmlPage(String target) {
        RawHttp.Response response = http.send("GET", target, null);

        assertThat(response.status()).as(response.toString()).isBetween(400, 404);
        assertThat(response.contentType()).as(response.toString()).startsWith(PROBLEM);
        assertThat(response.body()).doesNotContain("<html", "Tomcat");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/things/pencil?colour=%zz", "/things/pencil?colour=%"})
    void answersMalformedQueryEncodingWithAProblem(String target) {
        RawHttp.Response response = http.send("GET", target, null);

        assertThat(response.status()).as(response.toString()).isLessThan(500);
        assertThat(response.contentType())
                .as(response.toString())
                .startsWith(response.status() == 200 ? "application/json" : PROBLEM);
    }

    @Test
    void answersAnUnexpectedFailureWithAProblemThatGivesNothingAway() {
        RawHttp.Response response = http.send("GET", "/things/fail", null);

        assertProblem(response, 500);
        assertThat(response.body()).doesNotContain("secret", "Exception");
    }

    @Test
    void answersADatabaseThatDiesInTheMiddleOfATransactionWith503AndWritesNothing() {
        RawHttp.Response response = http.send("POST", "/dying", "{}");

        assertProblem(response, 503);
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(jdbc.sql("select count(*) from dying").query(Integer.class).single())
                .isZero();
    }

    private RawHttp.Response post(String body) {
        return http.send("POST", "/things", body);
    }

    private static void assertProblem(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith(PROBLEM);
        assertThat(response.body()).contains("\"status\":" + status, "\"title\"", "\"detail\"");
    }

    private static void assertFieldError(RawHttp.Response response, String field) {
        assertProblem(response, 400);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    record Thing(
            @CustomerId String customerId,
            String name,
            @FreeText String note,
            Integer quantity,
            @Digits(integer = 17, fraction = 2) BigDecimal amount,
            java.util.List<String> tags,
            tools.jackson.databind.JsonNode detail) {}

    @RestController
    static class Things {

        private final TransactionTemplate transactions;
        private final JdbcClient jdbc;
        private final DataSource dataSource;

        Things(TransactionTemplate transactions, JdbcClient jdbc, DataSource dataSource) {
            this.transactions = transactions;
            this.jdbc = jdbc;
            this.dataSource = dataSource;
        }

        @PostMapping("/things")
        Map<String, Object> create(@Valid @RequestBody Thing thing) {
            return Map.of(
                    "quantity",
                    String.valueOf(thing.quantity()),
                    "amountIsHundred",
                    thing.amount() != null && thing.amount().compareTo(BigDecimal.valueOf(100)) == 0);
        }

        @GetMapping("/things/{name}")
        Map<String, String> find(@PathVariable String name, @RequestParam(required = false) String colour) {
            if (name.equals("fail")) {
                throw new IllegalStateException("secret internals");
            }
            return Map.of("name", name);
        }

        @ChecksItsOwnParameters
        @GetMapping("/notes/{name}")
        Map<String, String> note(@PathVariable String name, @RequestParam String text) {
            return Map.of("name", name, "text", text);
        }

        /** Writes a row, then the database kills the connection before the transaction can commit. */
        @PostMapping("/dying")
        void dying() {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("insert into dying (name) values ('half-written')").update();
                int pid =
                        jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
                try (Connection other = dataSource.getConnection();
                        Statement statement = other.createStatement()) {
                    statement.execute("select pg_terminate_backend(" + pid + ")");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                jdbc.sql("insert into dying (name) values ('never')").update();
            });
        }
    }
}
