package dev.orderflow.fulfillment.console;

import dev.orderflow.fulfillment.bus.Envelopes;
import dev.orderflow.fulfillment.rules.EventPatterns;
import dev.orderflow.fulfillment.rules.InvalidRuleException;
import dev.orderflow.fulfillment.rules.Rule;
import dev.orderflow.fulfillment.rules.RuleManagement;
import dev.orderflow.fulfillment.rules.RuleNotFoundException;
import dev.orderflow.fulfillment.rules.RuleState;
import dev.orderflow.fulfillment.targets.Target;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rules: the list, a form to create or edit one (through {@link RuleManagement}, as {@code PUT /rules/{name}}),
 * enabling, disabling and deleting; the pattern tester ({@link EventPatterns}, as {@code POST /test-event-pattern})
 * with a preview of a target's input transformation.
 */
@Controller
class RulesController extends ConsolePage {

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    static final JsonMapper PRETTY =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private static final String EXAMPLE_TARGETS = """
            [{"id": "log", "type": "log", "logGroup": "/orderflow/events/console"}]""";

    private final RuleManagement rules;
    private final RecentEvents events;
    private final Envelopes envelopes;

    RulesController(RuleManagement rules, RecentEvents events, Envelopes envelopes) {
        this.rules = rules;
        this.events = events;
        this.envelopes = envelopes;
    }

    /** A rule as the list shows it. */
    record RuleRow(
            String name, String description, RuleState state, String pattern, String targets, List<String> pending) {}

    @GetMapping("/console/rules")
    ModelAndView list() {
        List<RuleRow> rows = rules.findAll().stream()
                .map(rule -> new RuleRow(
                        rule.name(),
                        rule.description() == null ? "" : rule.description(),
                        rule.state(),
                        rule.eventPattern(),
                        targetSummary(rule.targets()),
                        rules.pendingTargetTypes(rule)))
                .toList();
        return page("console/rules", HttpStatus.OK).addObject("rules", rows);
    }

    @GetMapping("/console/rules/new")
    ModelAndView create() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mode", "create");
        form.put("state", "ENABLED");
        form.put("eventPattern", "{\n  \"detail-type\": [\"OrderPaid\"]\n}");
        form.put("targets", EXAMPLE_TARGETS);
        return ruleForm(form, Map.of(), HttpStatus.OK);
    }

    @GetMapping("/console/rules/{name}/edit")
    ModelAndView edit(@PathVariable String name) {
        Rule rule = rules.find(name);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mode", "edit");
        form.put("name", rule.name());
        form.put("description", rule.description() == null ? "" : rule.description());
        form.put("state", rule.state().name());
        form.put("eventPattern", pretty(rule.eventPattern()));
        form.put("targets", pretty(rule.targets()));
        return ruleForm(form, Map.of(), HttpStatus.OK);
    }

    /** Creates or replaces a rule; bad input is the form again, with what was typed and why, and nothing stored. */
    @PostMapping("/console/rules")
    ModelAndView save(HttpServletRequest request, RedirectAttributes redirect) {
        ConsoleForm form = ConsoleForm.of(request);
        Map<String, String> problems = new LinkedHashMap<>();
        String name = form.get("name").strip();
        boolean create = !"edit".equals(form.get("mode"));
        lineField(form, "name", problems);
        lineField(form, "description", problems);
        if (name.isEmpty() && !problems.containsKey("name")) {
            problems.put("name", "is required");
        }
        String state = form.get("state");
        if (!List.of("ENABLED", "DISABLED").contains(state)) {
            problems.put("state", "must be ENABLED or DISABLED");
        }
        JsonNode pattern = json(form, "eventPattern", problems);
        JsonNode targets = json(form, "targets", problems);
        if (problems.isEmpty() && create && exists(name)) {
            problems.put("name", "is the name of an existing rule; edit that rule instead");
        }
        if (problems.isEmpty()) {
            ObjectNode definition = JSON.createObjectNode();
            String description = form.optional("description");
            if (description != null) {
                definition.put("description", description);
            }
            definition.set("eventPattern", pattern);
            definition.put("state", state);
            definition.set("targets", targets);
            try {
                rules.define(name, definition);
                redirect.addFlashAttribute("notice", "Rule " + name + (create ? " created." : " saved."));
                return new ModelAndView("redirect:/console/rules");
            } catch (InvalidRuleException e) {
                e.problems().forEach(problem -> {
                    String field = field(problem.field());
                    String message = field.equals(problem.field())
                            ? problem.message()
                            : problem.field() + " " + problem.message();
                    problems.merge(field, message, (a, b) -> a + "; " + b);
                });
            } catch (OptimisticLockingFailureException | DataIntegrityViolationException e) {
                problems.put("name", "the rule was changed by someone else at the same time; try again");
            }
        }
        return ruleForm(form.values(), problems, HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/console/rules/{name}/state")
    String state(@PathVariable String name, HttpServletRequest request, RedirectAttributes redirect) {
        String state = ConsoleForm.of(request).get("state");
        if (!List.of("ENABLED", "DISABLED").contains(state)) {
            redirect.addFlashAttribute("alert", "The state must be ENABLED or DISABLED.");
            return "redirect:/console/rules";
        }
        try {
            Rule rule = rules.find(name);
            ObjectNode definition = JSON.createObjectNode();
            if (rule.description() != null) {
                definition.put("description", rule.description());
            }
            definition.set("eventPattern", JSON.readTree(rule.eventPattern()));
            definition.put("state", state);
            definition.set("targets", JSON.readTree(rule.targets()));
            rules.define(name, definition);
            redirect.addFlashAttribute("notice", "Rule " + name + " " + state.toLowerCase() + ".");
        } catch (RuleNotFoundException e) {
            redirect.addFlashAttribute("alert", "There is no rule " + name + ".");
        } catch (InvalidRuleException e) {
            redirect.addFlashAttribute(
                    "alert",
                    "Rule " + name + " cannot be " + state.toLowerCase() + ": "
                            + e.problems().stream()
                                    .map(p -> p.field() + " " + p.message())
                                    .toList());
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException e) {
            redirect.addFlashAttribute("alert", "Rule " + name + " was changed at the same time; try again.");
        }
        return "redirect:/console/rules";
    }

    @PostMapping("/console/rules/{name}/delete")
    String delete(@PathVariable String name, RedirectAttributes redirect) {
        try {
            rules.delete(name);
            redirect.addFlashAttribute("notice", "Rule " + name + " deleted.");
        } catch (RuleNotFoundException e) {
            redirect.addFlashAttribute("alert", "There is no rule " + name + ".");
        }
        return "redirect:/console/rules";
    }

    /** The tester, filled in from a recent event and a rule when they are named. */
    @GetMapping("/console/rules/test")
    ModelAndView tester(HttpServletRequest request) {
        ConsoleForm given = ConsoleForm.of(request);
        Map<String, String> form = new LinkedHashMap<>();
        String eventId = given.optional("eventId");
        if (eventId != null) {
            events.find(eventId)
                    .ifPresent(seen -> form.put("event", PRETTY.writeValueAsString(envelopes.of(seen.event()))));
        }
        String rule = given.optional("rule");
        if (rule != null && given.lineProblem("rule") == null) {
            try {
                Rule found = rules.find(rule);
                form.put("eventPattern", pretty(found.eventPattern()));
            } catch (RuleNotFoundException e) {
                // nothing to fill in
            }
        }
        form.putIfAbsent("eventPattern", "{\n  \"detail-type\": [\"OrderPaid\"]\n}");
        return testerPage(form, Map.of(), null, null, HttpStatus.OK);
    }

    @PostMapping("/console/rules/test")
    ModelAndView test(HttpServletRequest request) {
        ConsoleForm form = ConsoleForm.of(request);
        Map<String, String> problems = new LinkedHashMap<>();
        JsonNode pattern = json(form, "eventPattern", problems);
        JsonNode event = json(form, "event", problems);
        if (event != null && !event.isObject()) {
            problems.put("event", "must be a JSON object, the event to test");
        }
        String patternText = null;
        if (pattern != null) {
            List<InvalidRuleException.Problem> patternProblems = new ArrayList<>();
            patternText = RuleManagement.checkEventPattern(pattern, patternProblems);
            patternProblems.forEach(p -> problems.put("eventPattern", p.message()));
        }
        String preview = null;
        if (form.optional("target") != null) {
            JsonNode target = json(form, "target", problems);
            if (target != null && event != null && event.isObject()) {
                preview = preview(target, (ObjectNode) event, problems);
            }
        }
        if (!problems.isEmpty()) {
            return testerPage(form.values(), problems, null, null, HttpStatus.BAD_REQUEST);
        }
        boolean matches = EventPatterns.matches(JSON.writeValueAsString(event), patternText);
        return testerPage(form.values(), problems, matches, preview, HttpStatus.OK);
    }

    /** What the target would receive of the event: its input transformation applied. */
    private static @Nullable String preview(JsonNode json, ObjectNode event, Map<String, String> problems) {
        if (!json.isObject()) {
            problems.put("target", "must be a JSON object, a target with inputPath or inputTemplate");
            return null;
        }
        for (String name : List.of("inputPath", "inputTemplate")) {
            if (!json.path(name).isMissingNode() && !json.path(name).isString()) {
                problems.put("target", name + " must be text");
                return null;
            }
        }
        JsonNode map = json.path("inputPathsMap");
        if (!map.isMissingNode() && !(map.isObject() && map.valueStream().allMatch(JsonNode::isString))) {
            problems.put("target", "inputPathsMap must map variable names to JSON paths");
            return null;
        }
        Target target;
        try {
            target = Target.of(json);
        } catch (RuntimeException e) {
            problems.put("target", e.getMessage());
            return null;
        }
        List<String> invalid = target.transformation().check();
        if (!invalid.isEmpty()) {
            problems.put("target", String.join("; ", invalid));
            return null;
        }
        try {
            return target.transformation()
                    .apply(event, "console-preview", Instant.now().toString());
        } catch (RuntimeException e) {
            problems.put("target", "cannot be applied to this event: " + e.getMessage());
            return null;
        }
    }

    @ExceptionHandler
    ModelAndView notFound(RuleNotFoundException e) {
        return page("console/error", HttpStatus.NOT_FOUND).addObject("message", e.getMessage());
    }

    private ModelAndView ruleForm(Map<String, String> form, Map<String, String> problems, HttpStatus status) {
        return page("console/rule", status)
                .addObject("form", form)
                .addObject("problems", problems)
                .addObject("create", !"edit".equals(form.get("mode")));
    }

    private ModelAndView testerPage(
            Map<String, String> form,
            Map<String, String> problems,
            @Nullable Boolean matches,
            @Nullable String preview,
            HttpStatus status) {
        return page("console/tester", status)
                .addObject("form", form)
                .addObject("problems", problems)
                .addObject("matches", matches)
                .addObject("preview", preview)
                .addObject("recent", events.newest(new RecentEvents.Filter(null, null, null), 20))
                .addObject("rules", rules.findAll().stream().map(Rule::name).toList());
    }

    private boolean exists(String name) {
        try {
            rules.find(name);
            return true;
        } catch (RuleNotFoundException e) {
            return false;
        }
    }

    private static void lineField(ConsoleForm form, String field, Map<String, String> problems) {
        String problem = form.lineProblem(field);
        if (problem != null) {
            problems.put(field, problem);
        }
    }

    /** The field's JSON, or {@code null} with a problem when it is empty, has control characters or is not JSON. */
    static @Nullable JsonNode json(ConsoleForm form, String field, Map<String, String> problems) {
        String text = form.get(field);
        String problem = form.textProblem(field);
        if (problem != null) {
            problems.put(field, problem);
            return null;
        }
        if (text.isBlank()) {
            problems.put(field, "is required");
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            problems.put(field, "is not valid JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    /** {@code targets[0].id} is shown beside the targets field. */
    private static String field(String field) {
        int dot = field.indexOf('[');
        String top = dot < 0 ? field : field.substring(0, dot);
        return top.contains(".") ? top.substring(0, top.indexOf('.')) : top;
    }

    private static String pretty(String json) {
        return PRETTY.writeValueAsString(JSON.readTree(json));
    }

    private static String targetSummary(String targets) {
        List<String> summary = new ArrayList<>();
        for (JsonNode target : JSON.readTree(targets)) {
            summary.add(
                    target.path("id").asString("?") + " (" + target.path("type").asString("?") + ")");
        }
        return String.join(", ", summary);
    }
}
