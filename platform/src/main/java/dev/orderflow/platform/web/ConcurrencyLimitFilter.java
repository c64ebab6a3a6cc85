package dev.orderflow.platform.web;

import dev.orderflow.platform.PlatformProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.ProblemDetail;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds how many HTTP requests the service works on at once. A request beyond the bound waits a short while for one to
 * finish and is otherwise answered at once with {@code 503 Service Unavailable}, {@code Retry-After} and a problem+json
 * body, before its body is read. Without it, overload piles requests up on unbounded virtual threads, each holding its
 * buffers while it waits for a database connection, until the heap runs out; with it, the service keeps serving what it
 * can and says so quickly about the rest. Actuator endpoints are not limited, so health checks keep answering. A request
 * counts until its first dispatch returns: an asynchronous handler's work afterwards would not count (none is async).
 */
public class ConcurrencyLimitFilter extends OncePerRequestFilter {

    private final Semaphore slots;
    private final long queueTimeoutNanos;
    private final String actuatorBasePath;

    /**
     * @param settings the bound and how long a request may wait for a slot
     * @param actuatorBasePath where the actuator's endpoints are ({@code management.endpoints.web.base-path}); requests
     *     under it are not limited. Blank or {@code /} exempts nothing.
     */
    public ConcurrencyLimitFilter(PlatformProperties.Web settings, String actuatorBasePath) {
        Assert.isTrue(
                settings.maxConcurrentRequests() > 0,
                "orderflow.platform.web.max-concurrent-requests must be positive");
        Assert.isTrue(
                !settings.queueTimeout().isNegative(), "orderflow.platform.web.queue-timeout must not be negative");
        // fair, so that the requests that waited longest get the slots that come free
        this.slots = new Semaphore(settings.maxConcurrentRequests(), true);
        this.queueTimeoutNanos = settings.queueTimeout().toNanos();
        this.actuatorBasePath = actuatorBasePath == null || actuatorBasePath.equals("/") ? "" : actuatorBasePath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (actuatorBasePath.isEmpty()) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(actuatorBasePath) || path.startsWith(actuatorBasePath + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!acquire()) {
            reject(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            slots.release();
        }
    }

    /** How many requests are waiting for a slot right now. */
    int waiting() {
        return slots.getQueueLength();
    }

    private boolean acquire() {
        try {
            return slots.tryAcquire(queueTimeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem =
                Problems.unavailable("The service is working on as many requests as it can; try again shortly.");
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // the instance is optional; a path that is no URI goes without one
        }
        Problems.write(problem, response);
    }
}
