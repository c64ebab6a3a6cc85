package dev.orderflow.fulfillment.replay;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /replays} → {@code 202}; {@code GET /replays/{name}}. Refusals are {@link ReplayProblems}' to answer. */
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

    /** There is no replay of that name. */
    static class ReplayNotFound extends RuntimeException {

        ReplayNotFound(String name) {
            super("No replay named " + name + ".");
        }
    }

    @PostMapping("/replays")
    ResponseEntity<Replay> start(@RequestBody StartReplay request) {
        Replay replay = management.start(request.name(), request.from(), request.to(), request.rules());
        return ResponseEntity.accepted()
                .header("Location", "/replays/" + replay.name())
                .body(replay);
    }

    @GetMapping("/replays/{name}")
    Replay replay(@PathVariable String name) {
        return replays.find(name).orElseThrow(() -> new ReplayNotFound(name));
    }
}
