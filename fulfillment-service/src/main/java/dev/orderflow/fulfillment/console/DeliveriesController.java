package dev.orderflow.fulfillment.console;

import dev.orderflow.fulfillment.deadletters.DeadLetter;
import dev.orderflow.fulfillment.deadletters.DeadLetters;
import dev.orderflow.fulfillment.deadletters.RedriveFilter;
import dev.orderflow.fulfillment.delivery.Deliveries;
import dev.orderflow.fulfillment.delivery.StoredDelivery;
import dev.orderflow.fulfillment.replay.Replay;
import dev.orderflow.fulfillment.replay.ReplayException;
import dev.orderflow.fulfillment.replay.ReplayManagement;
import dev.orderflow.fulfillment.replay.Replays;
import dev.orderflow.fulfillment.rules.Rule;
import dev.orderflow.fulfillment.rules.RuleManagement;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Deliveries per rule and target, the dead letters of every DLT with their errors and their redrive
 * ({@link DeadLetters}, as {@code POST /dead-letters/redrive}), and replays ({@link ReplayManagement}, as
 * {@code POST /replays}) with their progress.
 */
@Controller
class DeliveriesController extends ConsolePage {

    static final int DELIVERIES_PER_RULE = 10;
    static final int DEAD_LETTERS_PER_TOPIC = 50;

    private final RuleManagement rules;
    private final Deliveries deliveries;
    private final DeadLetters deadLetters;
    private final ReplayManagement replayManagement;
    private final Replays replays;

    DeliveriesController(
            RuleManagement rules,
            Deliveries deliveries,
            DeadLetters deadLetters,
            ReplayManagement replayManagement,
            Replays replays) {
        this.rules = rules;
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
        this.replayManagement = replayManagement;
        this.replays = replays;
    }

    /** One rule's newest deliveries. */
    record RuleDeliveries(String rule, List<StoredDelivery> deliveries) {}

    @GetMapping("/console/deliveries")
    @Transactional(readOnly = true)
    ModelAndView deliveries() {
        List<RuleDeliveries> perRule = new ArrayList<>();
        for (Rule rule : rules.findAll()) {
            perRule.add(new RuleDeliveries(rule.name(), deliveries.findByRule(rule.name(), DELIVERIES_PER_RULE)));
        }
        return page("console/deliveries", HttpStatus.OK)
                .addObject("perRule", perRule)
                .addObject("replays", replays.newest(10))
                .addObject("form", Map.of())
                .addObject("problems", Map.of());
    }

    /** One topic's dead letters, newest first, those not redriven yet. */
    record TopicLetters(String topic, List<DeadLetter> letters, long redriven) {}

    @GetMapping("/console/dead-letters")
    ModelAndView deadLetters() {
        return deadLettersPage(Map.of(), Map.of(), HttpStatus.OK);
    }

    /**
     * Redrives one dead letter (topic, partition and offset) or the set a filter selects (topic, and optionally an
     * event id and a time range).
     */
    @PostMapping("/console/dead-letters/redrive")
    ModelAndView redrive(HttpServletRequest request, RedirectAttributes redirect) {
        ConsoleForm form = ConsoleForm.of(request);
        Map<String, String> problems = new LinkedHashMap<>();
        for (String field : List.of("topic", "eventId", "partition", "offset", "from", "to")) {
            String problem = form.lineProblem(field);
            if (problem != null) {
                problems.put(field, problem);
            }
        }
        String topic = form.get("topic");
        if (!problems.containsKey("topic") && !DeadLetters.TOPICS.contains(topic)) {
            problems.put("topic", "must be one of " + String.join(", ", DeadLetters.TOPICS));
        }
        Integer partition = number(form, "partition", problems, Integer::valueOf);
        Long offset = number(form, "offset", problems, Long::valueOf);
        if ((partition == null) != (offset == null) && !problems.containsKey("partition")) {
            problems.put("partition", "give a partition and an offset together, or neither");
        }
        Instant from = instant(form, "from", problems);
        Instant to = instant(form, "to", problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.put("to", "must not be before from");
        }
        String eventId = problems.containsKey("eventId") ? null : form.optional("eventId");
        if (!problems.isEmpty()) {
            return deadLettersPage(form.values(), problems, HttpStatus.BAD_REQUEST);
        }
        try {
            int count = deadLetters.redrive(new RedriveFilter(
                    topic, eventId == null ? List.of() : List.of(eventId), partition, offset, from, to));
            redirect.addFlashAttribute(
                    "notice", "Redrove " + count + " dead letter" + (count == 1 ? "" : "s") + " of " + topic + ".");
        } catch (ErrorResponseException unavailable) {
            // the redrive principal's credentials are missing: the body says which setting to give
            redirect.addFlashAttribute("alert", unavailable.getBody().getDetail());
        }
        return new ModelAndView("redirect:/console/dead-letters");
    }

    @PostMapping("/console/replays")
    ModelAndView startReplay(HttpServletRequest request, RedirectAttributes redirect) {
        ConsoleForm form = ConsoleForm.of(request);
        Map<String, String> problems = new LinkedHashMap<>();
        for (String field : List.of("name", "from", "to", "rules")) {
            String problem = form.lineProblem(field);
            if (problem != null) {
                problems.put(field, problem);
            }
        }
        if (!problems.containsKey("name") && form.optional("name") == null) {
            problems.put("name", "is required");
        }
        Instant from = instant(form, "from", problems);
        Instant to = instant(form, "to", problems);
        if (!problems.containsKey("from") && from == null) {
            problems.put("from", "is required");
        }
        if (!problems.containsKey("to") && to == null) {
            problems.put("to", "is required");
        }
        List<String> named = new ArrayList<>();
        if (!problems.containsKey("rules")) {
            for (String rule : form.get("rules").split(",")) {
                if (!rule.isBlank()) {
                    named.add(rule.strip());
                }
            }
        }
        if (problems.isEmpty()) {
            try {
                Replay replay = replayManagement.start(form.get("name").strip(), from, to, named);
                redirect.addFlashAttribute("notice", "Replay " + replay.name() + " started.");
                return new ModelAndView("redirect:/console/replays/" + replay.name());
            } catch (ReplayException e) {
                problems.put("name", e.getMessage());
            }
        }
        ModelAndView page = deliveries();
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page.addObject("form", form.values()).addObject("problems", problems);
    }

    @GetMapping("/console/replays/{name}")
    ModelAndView replay(@PathVariable String name) {
        return replays.find(name)
                .map(replay -> page("console/replay", HttpStatus.OK)
                        .addObject("replay", replay)
                        .addObject(
                                "running",
                                replay.state() == Replay.ReplayState.STARTING
                                        || replay.state() == Replay.ReplayState.RUNNING))
                .orElseGet(() -> page("console/error", HttpStatus.NOT_FOUND)
                        .addObject("message", "There is no replay " + name + "."));
    }

    private ModelAndView deadLettersPage(Map<String, String> form, Map<String, String> problems, HttpStatus status) {
        List<TopicLetters> topics = new ArrayList<>();
        for (String topic : DeadLetters.TOPICS) {
            List<DeadLetter> all = deadLetters.list(topic, DEAD_LETTERS_PER_TOPIC);
            List<DeadLetter> open =
                    all.stream().filter(letter -> !letter.redriven()).toList();
            topics.add(new TopicLetters(topic, open, all.size() - open.size()));
        }
        return page("console/dead-letters", status)
                .addObject("topics", topics)
                .addObject("form", form)
                .addObject("problems", problems)
                .addObject("rootCause", DeadLetters.ROOT_CAUSE);
    }

    private static <T> @Nullable T number(
            ConsoleForm form,
            String field,
            Map<String, String> problems,
            java.util.function.Function<String, T> parse) {
        String text = form.optional(field);
        if (text == null || problems.containsKey(field)) {
            return null;
        }
        try {
            T value = parse.apply(text);
            if (((Number) value).longValue() < 0) {
                problems.put(field, "must not be negative");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.put(field, "must be a whole number");
            return null;
        }
    }

    private static @Nullable Instant instant(ConsoleForm form, String field, Map<String, String> problems) {
        String text = form.optional(field);
        if (text == null || problems.containsKey(field)) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            problems.put(field, "must be an ISO-8601 instant such as 2026-11-29T12:00:00Z");
            return null;
        }
    }
}
