package dev.orderflow.fulfillment.targets.log;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "logs", description = "What log targets logged")
class LogController {

    private final LogEntries entries;

    LogController(LogEntries entries) {
        this.entries = entries;
    }

    /** An entry; {@code message} is the delivered JSON, or a string when a template made it something else. */
    record LogEntryView(String logGroup, String rule, String eventId, JsonNode message, Instant loggedAt) {}

    /** A log group's entries, newest first. */
    @GetMapping("/logs")
    @Transactional(readOnly = true)
    List<LogEntryView> logs(
            @RequestParam @NotBlank @Size(max = 512) String group,
            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
        return entries.newest(group, limit).stream()
                .map(entry -> new LogEntryView(
                        entry.logGroup(),
                        entry.ruleName(),
                        entry.eventId(),
                        LogTarget.message(entry.message()),
                        entry.loggedAt()))
                .toList();
    }
}
