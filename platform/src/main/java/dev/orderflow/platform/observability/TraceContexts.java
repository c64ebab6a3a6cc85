package dev.orderflow.platform.observability;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The W3C {@code traceparent} of the current span, and the way back: the outbox stores the trace context of the request
 * (or consumed event) that wrote a row, and the relay, on its own thread and perhaps after a restart, makes it current
 * again while it publishes the row, so that the Kafka record continues that trace instead of starting a new one.
 *
 * <p>{@link #NONE} stands in when tracing is off: nothing is stored and nothing is restored.
 */
public class TraceContexts {

    /** No tracing: no trace context to store, none to restore. */
    public static final TraceContexts NONE = new TraceContexts(null);

    /** {@code version-traceid-parentid-flags}, version 00 (https://www.w3.org/TR/trace-context/#traceparent-header). */
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final String INVALID_SPAN_ID = "0".repeat(16);

    private final @Nullable Tracer tracer;

    public TraceContexts(@Nullable Tracer tracer) {
        this.tracer = tracer == Tracer.NOOP ? null : tracer;
    }

    /** The {@code traceparent} of the current span, or {@code null} when there is none. */
    public @Nullable String current() {
        if (tracer == null) {
            return null;
        }
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        return traceparent(context.traceId(), context.spanId(), Boolean.TRUE.equals(context.sampled()));
    }

    /**
     * Makes the trace context of this {@code traceparent} current until the scope is closed, so that what is observed
     * meanwhile (a Kafka send) becomes part of that trace. Without tracing, or for a missing or malformed value, the
     * scope does nothing.
     */
    public Scope open(@Nullable String traceparent) {
        if (tracer == null || traceparent == null) {
            return Scope.NOTHING;
        }
        Matcher parts = TRACEPARENT.matcher(traceparent);
        if (!parts.matches() || INVALID_TRACE_ID.equals(parts.group(1)) || INVALID_SPAN_ID.equals(parts.group(2))) {
            return Scope.NOTHING;
        }
        TraceContext context = tracer.traceContextBuilder()
                .traceId(parts.group(1))
                .spanId(parts.group(2))
                .sampled((Integer.parseInt(parts.group(3), 16) & 1) == 1)
                .build();
        return tracer.currentTraceContext().newScope(context)::close;
    }

    /** The trace id of a {@code traceparent}, or {@code null} when it is not one. */
    public static @Nullable String traceId(@Nullable String traceparent) {
        if (traceparent == null) {
            return null;
        }
        Matcher parts = TRACEPARENT.matcher(traceparent);
        return parts.matches() ? parts.group(1) : null;
    }

    static String traceparent(String traceId, String spanId, boolean sampled) {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }

    /** A restored trace context, current until closed. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {

        Scope NOTHING = () -> {};

        @Override
        void close();
    }
}
