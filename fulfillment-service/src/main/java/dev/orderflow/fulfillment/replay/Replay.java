package dev.orderflow.fulfillment.replay;

import java.time.Instant;
import java.util.List;

/** A replay as it is stored and shown; {@code rules} empty means every enabled rule. */
public record Replay(
        String name,
        ReplayState state,
        Instant from,
        Instant to,
        List<String> rules,
        long eventsReplayed,
        String error,
        Instant createdAt,
        Instant finishedAt) {

    public enum ReplayState {
        STARTING,
        RUNNING,
        COMPLETED,
        FAILED
    }
}
