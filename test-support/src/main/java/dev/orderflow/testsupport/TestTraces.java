package dev.orderflow.testsupport;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * W3C trace contexts for the tests that check a trace is carried on: a new trace id, and a {@code traceparent} in that
 * trace whose parent span is {@link #PARENT_SPAN_ID}, so that a span the code under test starts can be told from it.
 */
public final class TestTraces {

    /** The parent span id of every {@link #traceparent} made here. */
    public static final String PARENT_SPAN_ID = "00f067aa0ba902b7";

    private TestTraces() {}

    /** A random trace id: 32 lower-case hex digits. */
    public static String newTraceId() {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(ThreadLocalRandom.current().nextLong())
                + hex.toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /** A sampled {@code traceparent} in the trace, with {@link #PARENT_SPAN_ID} as its span. */
    public static String traceparent(String traceId) {
        return "00-" + traceId + "-" + PARENT_SPAN_ID + "-01";
    }
}
