package dev.orderflow.fulfillment.deadletters;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which dead letters of a topic to redrive; every condition given must hold, none given means all.
 *
 * @param ceIds the events' ids
 * @param partition with {@code offset}: one record
 * @param from records published at or after this time
 * @param to records published before this time
 */
public record RedriveFilter(
        String topic,
        List<String> ceIds,
        @Nullable Integer partition,
        @Nullable Long offset,
        @Nullable Instant from,
        @Nullable Instant to) {

    public RedriveFilter {
        ceIds = ceIds == null ? List.of() : List.copyOf(ceIds);
    }

    boolean matches(DeadLetter letter) {
        return (ceIds.isEmpty() || ceIds.contains(letter.ceId()))
                && (partition == null || partition == letter.partition())
                && (offset == null || offset == letter.offset())
                && (from == null || !letter.timestamp().isBefore(from))
                && (to == null || letter.timestamp().isBefore(to));
    }
}
