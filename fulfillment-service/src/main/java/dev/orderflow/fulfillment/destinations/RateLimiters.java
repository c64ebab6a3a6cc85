package dev.orderflow.fulfillment.destinations;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * One resilience4j {@link RateLimiter} per API destination and instance, at its invocation rate: one permit every
 * {@code 1s / rate}, so that calls are spread over the second instead of coming as a burst at the start of each one.
 * A caller waits up to {@link #WAIT} for a permit (holding its delivery's row lock that long at most); without one by
 * then it postpones the delivery. A limiter is rebuilt when its destination changes.
 */
@Component
public class RateLimiters {

    /** The longest a delivery waits in line for a permit before it is postponed instead. */
    static final Duration WAIT = Duration.ofMillis(100);

    private record Limited(int rate, RateLimiter limiter) {}

    private final ConcurrentMap<String, Limited> limiters = new ConcurrentHashMap<>();

    /** The destination's limiter, at its current rate. */
    public RateLimiter forDestination(ApiDestination destination) {
        int rate = destination.invocationRateLimitPerSecond();
        return limiters.compute(
                        destination.name(),
                        (name, existing) -> existing != null && existing.rate() == rate
                                ? existing
                                : new Limited(rate, limiter(name, rate)))
                .limiter();
    }

    void forget(String destination) {
        limiters.remove(destination);
    }

    private static RateLimiter limiter(String name, int rate) {
        return RateLimiter.of(
                "api-destination-" + name,
                RateLimiterConfig.custom()
                        .limitForPeriod(1)
                        .limitRefreshPeriod(Duration.ofNanos(1_000_000_000L / rate))
                        .timeoutDuration(WAIT)
                        .build());
    }
}
