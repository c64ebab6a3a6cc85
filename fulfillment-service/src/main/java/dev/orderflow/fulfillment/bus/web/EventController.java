package dev.orderflow.fulfillment.bus.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderflow.fulfillment.bus.PutEvents;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** PutEvents. A request that is wrong as a whole is {@link EventProblems}' to answer. */
@RestController
@Tag(name = "events", description = "PutEvents: custom events onto the bus (topic fulfillment)")
class EventController {

    private final PutEvents putEvents;

    EventController(PutEvents putEvents) {
        this.putEvents = putEvents;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EntryResult(String eventId, String errorCode, String errorMessage) {}

    record PutEventsResponse(int failedEntryCount, List<EntryResult> entries) {}

    /** The request as a whole is wrong (not its entries, which are answered one by one). */
    static class InvalidRequest extends RuntimeException {

        InvalidRequest(String message) {
            super(message);
        }
    }

    /** PutEvents: {@code {"entries": [{"source", "detailType", "detail", "resources"?, "time"?}]}}, 1 to 10 entries. */
    @PostMapping("/events")
    PutEventsResponse put(@RequestBody JsonNode request) {
        JsonNode entries = request.path("entries");
        if (!entries.isArray() || entries.isEmpty() || entries.size() > PutEvents.MAX_ENTRIES) {
            throw new InvalidRequest("must be a list of 1 to " + PutEvents.MAX_ENTRIES + " entries");
        }
        List<JsonNode> list = new ArrayList<>();
        entries.forEach(list::add);
        List<EntryResult> results = putEvents.put(list).stream()
                .map(result -> new EntryResult(result.eventId(), result.errorCode(), result.errorMessage()))
                .toList();
        int failed = (int)
                results.stream().filter(result -> result.eventId() == null).count();
        return new PutEventsResponse(failed, results);
    }
}
