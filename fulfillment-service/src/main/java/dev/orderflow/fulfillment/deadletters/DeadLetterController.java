package dev.orderflow.fulfillment.deadletters;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /dead-letters?topic=…&limit=…} and {@code POST /dead-letters/redrive}. Refusals are
 * {@link DeadLetterProblems}' to answer.
 */
@RestController
@Tag(name = "dead letters", description = "The records of the -dlt topics, listed and redriven")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    record RedriveRequest(String topic, List<String> ceIds, Integer partition, Long offset, Instant from, Instant to) {}

    record Redriven(String topic, int redriven) {}

    /** A request field that breaks its rule, said as {@code field message}. */
    static class InvalidField extends RuntimeException {

        private final String field;
        private final String problem;

        InvalidField(String field, String problem) {
            super(field + " " + problem);
            this.field = field;
            this.problem = problem;
        }

        String field() {
            return field;
        }

        String problem() {
            return problem;
        }
    }

    @GetMapping("/dead-letters")
    List<DeadLetter> list(@RequestParam(required = false) String topic, @RequestParam(defaultValue = "100") int limit) {
        requireTopic(topic);
        if (limit < 1 || limit > 1000) {
            throw new InvalidField("limit", "must be between 1 and 1000");
        }
        return deadLetters.list(topic, limit);
    }

    @PostMapping("/dead-letters/redrive")
    Redriven redrive(@RequestBody RedriveRequest request) {
        requireTopic(request.topic());
        if ((request.partition() == null) != (request.offset() == null)) {
            throw new InvalidField("partition", "and offset go together");
        }
        if (request.from() != null && request.to() != null && request.to().isBefore(request.from())) {
            throw new InvalidField("to", "must not be before from");
        }
        if (request.ceIds() != null
                && (request.ceIds().size() > 1000
                        || request.ceIds().stream()
                                .anyMatch(id -> id == null || id.chars().anyMatch(Character::isISOControl)))) {
            throw new InvalidField("ceIds", "must be at most 1000 ids without control characters");
        }
        int redriven = deadLetters.redrive(new RedriveFilter(
                request.topic(), request.ceIds(), request.partition(), request.offset(), request.from(), request.to()));
        return new Redriven(request.topic(), redriven);
    }

    private static void requireTopic(String topic) {
        if (topic == null || !DeadLetters.TOPICS.contains(topic)) {
            throw new InvalidField("topic", "must be one of " + String.join(", ", DeadLetters.TOPICS));
        }
    }
}
