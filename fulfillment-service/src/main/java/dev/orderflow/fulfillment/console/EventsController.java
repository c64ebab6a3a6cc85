package dev.orderflow.fulfillment.console;

import dev.orderflow.events.OrderCreated;
import dev.orderflow.events.OrderDispatched;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.events.PaymentFailed;
import dev.orderflow.fulfillment.delivery.Deliveries;
import dev.orderflow.fulfillment.delivery.StoredDelivery;
import dev.orderflow.fulfillment.workflow.Executions;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live events, newest first, and an order's journey. */
@Controller
class EventsController extends ConsolePage {

    static final int SHOWN = 100;

    private final RecentEvents events;
    private final Deliveries deliveries;
    private final Executions executions;
    private final JdbcClient jdbc;

    EventsController(RecentEvents events, Deliveries deliveries, Executions executions, JdbcClient jdbc) {
        this.events = events;
        this.deliveries = deliveries;
        this.executions = executions;
        this.jdbc = jdbc;
    }

    @GetMapping("/console/events")
    ModelAndView events(HttpServletRequest request) {
        ConsoleForm form = ConsoleForm.of(request);
        Map<String, String> problems = filterProblems(form);
        ModelAndView page = page("console/events", problems.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
        page.addObject("form", form.values());
        page.addObject("problems", problems);
        if (problems.isEmpty()) {
            RecentEvents.Filter filter = filter(form);
            page.addObject(
                    "rows",
                    events.newest(filter, SHOWN).stream().map(EventRows::row).toList());
            page.addObject("query", request.getQueryString() == null ? "" : request.getQueryString());
        } else {
            page.addObject("rows", List.of());
        }
        page.addObject("shown", SHOWN);
        page.addObject("kept", RecentEvents.KEPT);
        return page;
    }

    /** The live stream of the events page, with the page's filter. */
    @GetMapping(path = "/console/events/stream", produces = "text/event-stream")
    ResponseEntity<SseEmitter> stream(HttpServletRequest request) {
        ConsoleForm form = ConsoleForm.of(request);
        if (!filterProblems(form).isEmpty()) {
            // the events page never asks for it: its filter is checked before it offers a stream
            return ResponseEntity.badRequest().build();
        }
        return ResponseEntity.ok(events.stream(filter(form), EventRows::row));
    }

    /** A step of an order's journey. */
    record Step(Instant time, String kind, String title, String detail) {

        public String at() {
            return EventRows.TIME.format(time);
        }
    }

    @GetMapping("/console/orders/{orderId}")
    @Transactional(readOnly = true)
    ModelAndView journey(@PathVariable String orderId) {
        List<Step> steps = new ArrayList<>();
        List<RecentEvents.Seen> seen = events.ofOrder(orderId);
        for (RecentEvents.Seen event : seen) {
            String state = state(event);
            steps.add(new Step(
                    event.recordTime(),
                    "event",
                    event.detailType() + " on " + event.topic(),
                    (state == null ? "" : "order " + state + " · ") + "event "
                            + event.event().id()));
        }
        Map<String, String> types = new LinkedHashMap<>();
        seen.forEach(event -> types.put(event.event().id(), event.detailType()));
        if (!types.isEmpty()) {
            for (StoredDelivery delivery : deliveries.findByEvents(List.copyOf(types.keySet()))) {
                steps.add(new Step(
                        delivery.createdAt(),
                        "rule",
                        "rule " + delivery.ruleName() + " matched " + types.get(delivery.eventId()) + " → target "
                                + delivery.targetId(),
                        delivery.status() + " after " + delivery.attempts() + " attempt(s)"
                                + (delivery.replayName().isEmpty() ? "" : " · replay " + delivery.replayName())
                                + (delivery.lastError() == null ? "" : " · " + delivery.lastError())));
            }
        }
        for (Executions.ExecutionRecord execution : executions.findByOrder(orderId)) {
            steps.add(new Step(
                    execution.startedAt(),
                    "workflow",
                    "workflow " + execution.workflow() + " execution " + execution.id(),
                    execution.status() + (execution.error() == null ? "" : " · " + execution.error())));
        }
        dispatch(orderId).ifPresent(steps::add);
        steps.sort(Comparator.comparing(Step::time));
        ModelAndView page = page("console/journey", HttpStatus.OK);
        page.addObject("orderId", orderId);
        page.addObject("steps", steps);
        page.addObject("kept", RecentEvents.KEPT);
        return page;
    }

    private java.util.Optional<Step> dispatch(String orderId) {
        UUID id;
        try {
            id = UUID.fromString(orderId);
        } catch (IllegalArgumentException notAnOrder) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("select route, dispatched_at from dispatches where order_id = :id")
                .param("id", id)
                .query((rs, row) -> new Step(
                        rs.getTimestamp("dispatched_at").toInstant(),
                        "dispatch",
                        "stored and dispatched by " + rs.getString("route"),
                        "order DISPATCHED"))
                .optional();
    }

    private static @Nullable String state(RecentEvents.Seen seen) {
        return switch (seen.event().data()) {
            case OrderCreated created -> "PENDING";
            case OrderPaid paid -> "PAID";
            case PaymentFailed failed -> "PAYMENT_FAILED (" + failed.reason() + ")";
            case OrderDispatched dispatched -> "DISPATCHED";
            default -> null;
        };
    }

    static Map<String, String> filterProblems(ConsoleForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (String field : List.of("type", "customer", "order")) {
            String problem = form.lineProblem(field);
            if (problem == null && form.get(field).length() > 200) {
                problem = "must be at most 200 characters";
            }
            if (problem != null) {
                problems.put(field, problem);
            }
        }
        return problems;
    }

    static RecentEvents.Filter filter(ConsoleForm form) {
        return new RecentEvents.Filter(form.optional("type"), form.optional("customer"), form.optional("order"));
    }
}
