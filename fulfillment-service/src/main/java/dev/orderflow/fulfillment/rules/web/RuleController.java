package dev.orderflow.fulfillment.rules.web;

import dev.orderflow.fulfillment.rules.EventPatterns;
import dev.orderflow.fulfillment.rules.InvalidRuleException;
import dev.orderflow.fulfillment.rules.RuleManagement;
import dev.orderflow.fulfillment.rules.RuleManagement.Definition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The rules API: PutRule, the rules, DeleteRule and TestEventPattern. Refusals are {@link RuleProblems}' to answer. */
@RestController
@Tag(name = "rules", description = "EventBridge-style rules: an event pattern and targets")
class RuleController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RuleManagement rules;

    RuleController(RuleManagement rules) {
        this.rules = rules;
    }

    /** PutRule: {@code 201} for a new rule, {@code 200} when it replaced one. */
    @PutMapping("/rules/{name}")
    @Operation(
            summary = "Create or replace a rule (PutRule)",
            description = "Takes effect on every instance within a second. An invalid pattern or target is a 400 that"
                    + " says why.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(type = "object"),
                                            examples =
                                                    @ExampleObject(
                                                            value =
                                                                    "{\"description\": \"paid orders to the log\", \"eventPattern\":"
                                                                            + " {\"detail-type\": [\"OrderPaid\"]}, \"state\": \"ENABLED\","
                                                                            + " \"targets\": [{\"id\": \"log\", \"type\": \"log\","
                                                                            + " \"logGroup\": \"/orderflow/events/orders\"}]}"))))
    @ApiResponse(
            responseCode = "201",
            description = "A new rule",
            content = @Content(schema = @Schema(implementation = RuleView.class)))
    @ApiResponse(
            responseCode = "200",
            description = "The rule was replaced",
            content = @Content(schema = @Schema(implementation = RuleView.class)))
    @ApiResponse(responseCode = "409", description = "Another request changed the rule at the same time")
    ResponseEntity<RuleView> put(@PathVariable String name, @RequestBody JsonNode request) {
        Definition definition = rules.define(name, request);
        RuleView view = RuleView.of(definition.rule(), rules.pendingTargetTypes(definition.rule()));
        return definition.created()
                ? ResponseEntity.created(URI.create("/rules/" + name)).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/rules")
    List<RuleView> rules() {
        return rules.findAll().stream()
                .map(rule -> RuleView.of(rule, rules.pendingTargetTypes(rule)))
                .toList();
    }

    @GetMapping("/rules/{name}")
    @ApiResponse(responseCode = "200", description = "The rule")
    @ApiResponse(responseCode = "404", description = "No such rule")
    RuleView rule(@PathVariable String name) {
        var rule = rules.find(name);
        return RuleView.of(rule, rules.pendingTargetTypes(rule));
    }

    @DeleteMapping("/rules/{name}")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such rule")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name) {
        rules.delete(name);
    }

    /** TestEventPattern: {@code {"eventPattern", "event"}}, each a JSON object or a string holding one. */
    @PostMapping("/test-event-pattern")
    @Operation(summary = "Whether an event matches a pattern (TestEventPattern): {\"result\": true | false}")
    Map<String, Boolean> test(@RequestBody JsonNode request) {
        List<InvalidRuleException.Problem> problems = new ArrayList<>();
        String pattern = RuleManagement.checkEventPattern(request.path("eventPattern"), problems);
        JsonNode event = request.path("event");
        if (event.isString()) {
            try {
                event = JSON.readTree(event.stringValue());
            } catch (RuntimeException e) {
                event = null;
            }
        }
        if (event == null || !event.isObject()) {
            problems.add(new InvalidRuleException.Problem("event", "must be a JSON object, the event to test"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
        return Map.of("result", EventPatterns.matches(JSON.writeValueAsString(event), pattern));
    }
}
