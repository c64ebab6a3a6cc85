package dev.orderflow.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.fulfillment.rules.RuleMatcher;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.Problems;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The rules API: PutRule, ListRules, DescribeRule, DeleteRule, TestEventPattern; bad input is a 400 and stores nothing. */
@IntegrationTest
class RulesApiIT {

    static final String LOG_TARGET = """
            {"id": "log", "type": "log", "logGroup": "/test/rules"}""";

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuleMatcher matcher;

    @Test
    void createsReplacesReadsAndDeletesARule() {
        String name = "rule-" + UUID.randomUUID();
        String rule = """
                {"description": "paid orders", "eventPattern": {"detail-type": ["OrderPaid"]}, "state": "ENABLED",
                 "targets": [%s]}""".formatted(LOG_TARGET);

        put(name, rule)
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo(name);
        put(name, rule.replace("paid orders", "all paid orders"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.description")
                .isEqualTo("all paid orders");
        http.get()
                .uri("/rules/{name}", name)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.eventPattern.detail-type[0]")
                .isEqualTo("OrderPaid")
                .jsonPath("$.targets[0].logGroup")
                .isEqualTo("/test/rules");
        http.get()
                .uri("/rules")
                .exchange()
                .expectBody()
                .jsonPath("$[?(@.name == '%s')]".formatted(name))
                .exists();

        http.delete().uri("/rules/{name}", name).exchange().expectStatus().isNoContent();
        http.get()
                .uri("/rules/{name}", name)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.delete().uri("/rules/{name}", name).exchange().expectStatus().isNotFound();
    }

    /** The instance that stores a rule change matches with it once it has answered, without waiting for its poll. */
    @Test
    void aRuleChangeAppliesOnThisInstanceAsSoonAsItIsAnswered() {
        String name = "rule-" + UUID.randomUUID();
        String source = "test.at-once-" + UUID.randomUUID();
        String event = """
                {"version": "0", "id": "%s", "detail-type": "Anything", "source": "%s", "account": "orderflow",
                 "time": "2026-11-30T00:00:00Z", "region": "local", "resources": [], "detail": {}}""".formatted(UUID.randomUUID(), source);

        put(name, """
                        {"eventPattern": {"source": ["%s"]}, "state": "ENABLED", "targets": [%s]}""".formatted(source, LOG_TARGET)).expectStatus().isCreated();
        assertThat(matcher.match(event))
                .extracting(RuleMatcher.MatchedRule::name)
                .containsExactly(name);

        http.delete().uri("/rules/{name}", name).exchange().expectStatus().isNoContent();
        assertThat(matcher.match(event)).isEmpty();
    }

    @Test
    void theDefaultRulesExistAndAreEnabledOnceTheirTargetTypesExist() {
        http.get()
                .uri("/rules/us-orders-to-api")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("ENABLED")
                .jsonPath("$.pendingTargetTypes")
                .doesNotExist();
        http.get()
                .uri("/rules/paid-orders-to-store")
                .exchange()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("ENABLED")
                .jsonPath("$.note")
                .doesNotExist();
    }

    @Test
    void refusesInvalidJson() {
        assertRefusedAndNothingStored("{\"eventPattern\": {", null);
    }

    @Test
    void refusesAnInvalidPatternWithTheMatchersReason() {
        assertRefusedAndNothingStored("""
                {"eventPattern": {"detail": {"total": [{"numeric": [">", "ten"]}]}}}""", "eventPattern");
        assertRefusedAndNothingStored("""
                {"eventPattern": {"source": "orderflow.orders"}}""", "eventPattern");
    }

    @Test
    void refusesAnUnknownTargetType() {
        assertRefusedAndNothingStored("""
                {"eventPattern": {"source": ["x"]}, "targets": [{"id": "t", "type": "carrier-pigeon"}]}""", "targets[0].type");
    }

    @Test
    void refusesAWorkflowTargetNamingNoWorkflowOfTheService() {
        assertRefusedAndNothingStored("""
                {"eventPattern": {"source": ["x"]}, "targets": [{"id": "t", "type": "workflow", "workflow": "w"}]}""", "targets[0]");
    }

    @Test
    void refusesThreeHundredTargets() {
        String targets = IntStream.range(0, 300)
                .mapToObj(i -> "{\"id\": \"t%d\", \"type\": \"log\", \"logGroup\": \"/g\"}".formatted(i))
                .collect(Collectors.joining(","));
        assertRefusedAndNothingStored(
                "{\"eventPattern\": {\"source\": [\"x\"]}, \"targets\": [" + targets + "]}", "targets");
    }

    @Test
    void refusesAOneMegabytePatternAsTooLargeAndNothingIsStored() {
        String values =
                IntStream.range(0, 80_000).mapToObj(i -> "\"value-" + i + "\"").collect(Collectors.joining(","));
        String rule = "{\"eventPattern\": {\"source\": [" + values + "]}}";
        assertThat(rule.length()).isGreaterThan(1_000_000);
        String name = "bad-" + UUID.randomUUID();
        // the platform's request body limit (64 KB) answers before the rule is read
        put(name, rule).expectStatus().isEqualTo(413).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(jdbc.sql("select count(*) from rules where name = ?")
                        .param(name)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void refusesAPatternOverEventBridgesLimitThatFitsTheBodyLimit() {
        String values =
                IntStream.range(0, 1_000).mapToObj(i -> "\"value-" + i + "\"").collect(Collectors.joining(","));
        String rule = "{\"eventPattern\": {\"source\": [" + values + "]}}";
        assertThat(rule.length()).isBetween(4_097, 64 * 1024);
        assertRefusedAndNothingStored(rule, "eventPattern");
    }

    @Test
    void refusesBadNamesTargetSettingsAndRetryPolicies() {
        String name = "bad name!";
        put(name, "{\"eventPattern\": {\"source\": [\"x\"]}}").expectStatus().isBadRequest();
        assertRefusedAndNothingStored("""
                {"eventPattern": {"source": ["x"]}, "targets": [{"id": "t", "type": "log"}]}""", "targets[0]");
        assertRefusedAndNothingStored("""
                {"eventPattern": {"source": ["x"]}, "targets": [{"id": "t", "type": "log", "logGroup": "/g",
                 "retryPolicy": {"maximumRetryAttempts": 186}}]}""", "targets[0].retryPolicy");
        assertRefusedAndNothingStored("""
                {"eventPattern": {"source": ["x"]}, "targets": [{"id": "t", "type": "log", "logGroup": "/g",
                 "inputPath": "detail"}]}""", "targets[0]");
        assertRefusedAndNothingStored("""
                {"eventPattern": {"source": ["x"]}, "state": "ON"}""", "state");
    }

    @Test
    void testsAnEventAgainstAPattern() {
        String event = """
                {"id": "1", "source": "orderflow.billing", "detail-type": "OrderPaid",
                 "detail": {"amount": 120.50, "location": "eu-west"}}""";
        testPattern("{\"detail\": {\"amount\": [{\"numeric\": [\">\", 100]}]}}", event, true);
        testPattern("{\"detail\": {\"location\": [{\"anything-but\": {\"prefix\": \"eu-\"}}]}}", event, false);
        http.post()
                .uri("/test-event-pattern")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"eventPattern\": {\"source\": [{\"nope\": 1}]}, \"event\": " + event + "}")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void refusesMoreThanTenEntriesAndAReservedSourcePerEntry() {
        String entry = "{\"source\": \"shop.test\", \"detailType\": \"Ping\", \"detail\": {\"n\": 1}}";
        String eleven = IntStream.range(0, 11).mapToObj(i -> entry).collect(Collectors.joining(","));
        http.post()
                .uri("/events")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"entries\": [" + eleven + "]}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        http.post()
                .uri("/events")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"entries\": [" + entry + ", "
                        + "{\"source\": \"orderflow.orders\", \"detailType\": \"OrderPaid\", \"detail\": {}}, "
                        + "{\"source\": \"shop.test\", \"detailType\": \"Ping\", \"detail\": [1]}, " + entry + "]}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.failedEntryCount")
                .isEqualTo(2)
                .jsonPath("$.entries[0].eventId")
                .exists()
                .jsonPath("$.entries[1].errorCode")
                .isEqualTo("NotAuthorizedForSourceException")
                .jsonPath("$.entries[2].errorCode")
                .isEqualTo("MalformedDetail")
                .jsonPath("$.entries[3].eventId")
                .exists();
    }

    @Test
    void answersBadLogQueriesAndUnknownDispatchesWithProblems() {
        for (String uri : List.of("/logs", "/logs?group=/g&limit=1001", "/logs?group=/g&limit=0", "/dispatches/nope")) {
            http.get()
                    .uri(uri)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        http.get()
                .uri("/dispatches/{id}", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get()
                .uri("/logs?group=/nothing/here")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("[]");
    }

    private void testPattern(String pattern, String event, boolean result) {
        http.post()
                .uri("/test-event-pattern")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"eventPattern\": " + pattern + ", \"event\": " + event + "}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("{\"result\": " + result + "}");
    }

    private RestTestClient.ResponseSpec put(String name, String body) {
        return http.put()
                .uri("/rules/{name}", name)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    private void assertRefusedAndNothingStored(String body, String field) {
        String name = "bad-" + UUID.randomUUID();
        RestTestClient.ResponseSpec response = put(name, body);
        if (field == null) {
            response.expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        } else {
            Problems.assertFieldError(response, field);
        }
        assertThat(jdbc.sql("select count(*) from rules where name = ?")
                        .param(name)
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
