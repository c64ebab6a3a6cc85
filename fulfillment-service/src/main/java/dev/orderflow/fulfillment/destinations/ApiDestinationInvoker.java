package dev.orderflow.fulfillment.destinations;

import dev.orderflow.fulfillment.targets.Delivery;
import dev.orderflow.fulfillment.targets.Target;
import dev.orderflow.fulfillment.targets.TargetInvoker;
import dev.orderflow.fulfillment.targets.TargetRefusedException;
import dev.orderflow.platform.dispatch.PostponedException;
import dev.orderflow.platform.observability.TraceContexts;
import io.github.resilience4j.ratelimiter.RateLimiter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The {@code api-destination} target, {@code {"destination": "<name>"}}: sends the (transformed) event as the JSON
 * body of one HTTP request with the destination's method to its endpoint, with {@code Idempotency-Key: <event id>}
 * and the connection's authorization header (and the W3C {@code traceparent} of the delivery's span), within the configured timeout (connect, and again for the answer).
 *
 * <p>A 2xx is a delivery. A network error, a timeout, a 429 or a 5xx may pass: retried by the target's policy. Any
 * other status (a 4xx, or a redirect, which is not followed) is final. A destination or connection that does not exist
 * (yet) is retried too: it may be created before the policy runs out. Each destination has a rate limit per instance:
 * a delivery waits briefly for a permit ({@link RateLimiters}), and without one it is postponed until the next, not
 * counted as an attempt and not dropped.
 *
 * <p>No secret leaves this class except in the request's header: exceptions name the destination and the status only.
 */
@Component
class ApiDestinationInvoker implements TargetInvoker {

    static final String TYPE = "api-destination";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String TRACEPARENT = "traceparent";

    private final ApiDestinations destinations;
    private final Connections connections;
    private final SecretBox secrets;
    private final RateLimiters rateLimiters;
    private final Duration timeout;
    private final HttpClient http;
    private final TraceContexts traces;

    ApiDestinationInvoker(
            ApiDestinations destinations,
            Connections connections,
            SecretBox secrets,
            RateLimiters rateLimiters,
            DestinationProperties properties,
            TraceContexts traces) {
        this.traces = traces;
        this.destinations = destinations;
        this.connections = connections;
        this.secrets = secrets;
        this.rateLimiters = rateLimiters;
        this.timeout = properties.timeout();
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> check(Target target) {
        String destination = target.setting("destination");
        if (destination == null
                || !DestinationManagement.NAME.matcher(destination).matches()) {
            return List.of("destination must name an API destination (1 to 64 letters, digits, '.', '_' or '-')");
        }
        return List.of();
    }

    @Override
    public void deliver(Delivery delivery) throws Exception {
        String name = delivery.target().setting("destination");
        ApiDestination destination = destinations
                .find(name)
                .orElseThrow(() -> new IllegalStateException("no API destination named " + name + " (yet)"));
        Connection connection = connections
                .find(destination.connection())
                .orElseThrow(() -> new IllegalStateException("no connection named " + destination.connection()));
        RateLimiter limiter = rateLimiters.forDestination(destination);
        if (!limiter.acquirePermission()) {
            long wait = nanosToWait(limiter);
            throw PostponedException.until(Instant.now().plusNanos(Math.max(wait, 1_000_000)));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(destination.endpoint())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(IDEMPOTENCY_KEY, delivery.eventId())
                .method(
                        destination.httpMethod(),
                        destination.httpMethod().equals("GET")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(delivery.input()));
        String traceparent = traces.current();
        if (traceparent != null) {
            // the delivery's span, in the trace of the request that placed the order
            request.header(TRACEPARENT, traceparent);
        }
        Authorization.Header auth = authorization(connection).header();
        if (auth != null) {
            request.header(auth.name(), auth.value());
        }
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 429 || status >= 500) {
            throw new RetryableHttpException(name, status);
        }
        throw new TargetRefusedException("API destination " + name + " answered HTTP " + status);
    }

    private static long nanosToWait(RateLimiter limiter) {
        return limiter instanceof io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter atomic
                ? atomic.getDetailedMetrics().getNanosToWait()
                : 1_000_000_000L / limiter.getRateLimiterConfig().getLimitForPeriod();
    }

    private Authorization authorization(Connection connection) {
        return switch (connection.type()) {
            case NONE -> new Authorization.None();
            case BASIC ->
                new Authorization.Basic(
                        connection.principal(), secrets.decrypt(connection.encryptedSecret(), connection.name()));
            case API_KEY ->
                new Authorization.ApiKey(
                        connection.principal(), secrets.decrypt(connection.encryptedSecret(), connection.name()));
        };
    }
}
