package dev.orderflow.fulfillment.targets.store;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /dispatches/{orderId}}: what store-and-dispatch stored; an unknown order is {@link DispatchProblems}'. */
@RestController
@Tag(name = "dispatches", description = "What store-and-dispatch stored")
class DispatchController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Dispatches dispatches;

    DispatchController(Dispatches dispatches) {
        this.dispatches = dispatches;
    }

    record DispatchView(
            UUID orderId,
            String customerId,
            String location,
            JsonNode items,
            BigDecimal total,
            String currency,
            List<String> matchedRules,
            String route,
            String eventId,
            Instant dispatchedAt) {}

    static class DispatchNotFound extends RuntimeException {

        DispatchNotFound(UUID orderId) {
            super("No dispatched order " + orderId);
        }
    }

    /** What store-and-dispatch stored for the order. */
    @GetMapping("/dispatches/{orderId}")
    @Transactional(readOnly = true)
    DispatchView dispatch(@PathVariable UUID orderId) {
        Dispatch dispatch = dispatches.findById(orderId).orElseThrow(() -> new DispatchNotFound(orderId));
        return new DispatchView(
                dispatch.orderId(),
                dispatch.customerId(),
                dispatch.location(),
                JSON.readTree(dispatch.items()),
                dispatch.total(),
                dispatch.currency(),
                dispatch.matchedRules(),
                dispatch.route(),
                dispatch.eventId(),
                dispatch.dispatchedAt());
    }
}
