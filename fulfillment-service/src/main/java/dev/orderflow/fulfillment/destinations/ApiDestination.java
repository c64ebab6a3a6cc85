package dev.orderflow.fulfillment.destinations;

import java.net.URI;
import java.time.Instant;

/** An HTTP endpoint that events are sent to, with the connection that authorises the calls and its rate limit. */
public record ApiDestination(
        String name,
        URI endpoint,
        String httpMethod,
        String connection,
        int invocationRateLimitPerSecond,
        Instant updatedAt) {

    public static final int MAX_RATE = 300;
}
