package dev.orderflow.fulfillment.deadletters;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /dead-letters?topic=…&limit=…} and {@code POST /dead-letters/redrive}. */
@RestController
@Tag(name = "dead letters", description = "The records of the -dlt topics, listed and redriven")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    record RedriveRequest(String topic, List<String> ceIds, Integer partition, Long offset, Instant from, Instant to) {}

    @GetMapping("/dead-letters")
    ResponseEntity<?> list(
            @RequestParam(required = false) String topic, @RequestParam(defaultValue = "100") int limit) {
        if (topic == null || !DeadLetters.TOPICS.contains(topic)) {
            return problem("topic must be one of " + String.join(", ", DeadLetters.TOPICS));
        }
        if (limit < 1 || limit > 1000) {
            return problem("limit must be between 1 and 1000");
        }
        return ResponseEntity.ok(deadLetters.list(topic, limit));
    }

    @PostMapping("/dead-letters/redrive")
    ResponseEntity<?> redrive(@RequestBody RedriveRequest request) {
        if (request.topic() == null || !DeadLetters.TOPICS.contains(request.topic())) {
            return problem("topic must be one of " + String.join(", ", DeadLetters.TOPICS));
        }
        if ((request.partition() == null) != (request.offset() == null)) {
            return problem("partition and offset go together");
        }
        if (request.from() != null && request.to() != null && request.to().isBefore(request.from())) {
            return problem("to must not be before from");
        }
        if (request.ceIds() != null
                && (request.ceIds().size() > 1000
                        || request.ceIds().stream()
                                .anyMatch(id -> id == null || id.chars().anyMatch(Character::isISOControl)))) {
            return problem("ceIds must be at most 1000 ids without control characters");
        }
        int redriven = deadLetters.redrive(new RedriveFilter(
                request.topic(), request.ceIds(), request.partition(), request.offset(), request.from(), request.to()));
        return ResponseEntity.ok(Map.of("topic", request.topic(), "redriven", redriven));
    }

    private static ResponseEntity<ProblemDetail> problem(String detail) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
    }
}
