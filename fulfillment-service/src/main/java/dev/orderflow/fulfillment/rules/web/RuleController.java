package dev.orderflow.fulfillment.rules.web;

import dev.orderflow.fulfillment.rules.EventPatterns;
import dev.orderflow.fulfillment.rules.InvalidRuleException;
import dev.orderflow.fulfillment.rules.RuleManagement;
import dev.orderflow.fulfillment.rules.RuleManagement.Definition;
import dev.orderflow.fulfillment.rules.RuleNotFoundException;
import dev.orderflow.platform.web.ProblemDetailsAdvice;
import dev.orderflow.platform.web.ProblemDetailsAdvice.FieldProblem;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
class RuleController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RuleManagement rules;

    RuleController(RuleManagement rules) {
        this.rules = rules;
    }

    /** PutRule: {@code 201} for a new rule, {@code 200} when it replaced one. */
    @PutMapping("/rules/{name}")
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
    RuleView rule(@PathVariable String name) {
        var rule = rules.find(name);
        return RuleView.of(rule, rules.pendingTargetTypes(rule));
    }

    @DeleteMapping("/rules/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name) {
        rules.delete(name);
    }

    /** TestEventPattern: {@code {"eventPattern", "event"}}, each a JSON object or a string holding one. */
    @PostMapping("/test-event-pattern")
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

    @ExceptionHandler
    ProblemDetail invalid(InvalidRuleException e) {
        return ProblemDetailsAdvice.invalid(e.problems().stream()
                .map(problem -> new FieldProblem(problem.field(), problem.message()))
                .toList());
    }

    /** Two requests changed the same rule at once; the one that lost changed nothing. */
    @ExceptionHandler({OptimisticLockingFailureException.class, DataIntegrityViolationException.class})
    ProblemDetail conflict() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "The rule was changed by another request at the same time; try again.");
        problem.setTitle("Concurrent change");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(RuleNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Rule not found");
        return problem;
    }
}
