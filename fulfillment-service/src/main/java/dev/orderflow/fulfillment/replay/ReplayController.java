package dev.orderflow.fulfillment.replay;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /replays} → {@code 202}; {@code GET /replays/{name}}. */
@RestController
@Tag(name = "replays", description = "Events of a time range delivered again to the matching rules")
class ReplayController {

    private final ReplayManagement management;
    private final Replays replays;

    ReplayController(ReplayManagement management, Replays replays) {
        this.management = management;
        this.replays = replays;
    }

    record StartReplay(String name, Instant from, Instant to, List<String> rules) {}

    @PostMapping("/replays")
    ResponseEntity<Replay> start(@RequestBody StartReplay request) {
        Replay replay = management.start(request.name(), request.from(), request.to(), request.rules());
        return ResponseEntity.accepted()
                .header("Location", "/replays/" + replay.name())
                .body(replay);
    }

    @GetMapping("/replays/{name}")
    ResponseEntity<?> replay(@PathVariable String name) {
        return replays.find(name).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.status(
                        HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No replay named " + name + ".")));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(ReplayException e) {
        HttpStatus status = e.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, e.getMessage()));
    }
}
