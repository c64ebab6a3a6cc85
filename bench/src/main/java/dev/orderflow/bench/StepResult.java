package dev.orderflow.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one step of load measured, as the results file shows it. The histograms hold microseconds, each counted from
 * when the order was scheduled to be sent (so that a stalled suite cannot hide its stall): to its 201 ({@code post}),
 * to its {@code OrderPaid} or {@code PaymentFailed} on the bench's consumer ({@code endToEnd}), to its
 * {@code OrderDispatched} ({@code dispatch}).
 *
 * @param targetRate the open model's rate, or null for the closed loop
 * @param workers the closed loop's workers, or null
 * @param dispatched paid orders whose {@code OrderDispatched} arrived; none at all when no fulfillment-service runs
 * @param aborted why the step stopped early, or null
 */
record StepResult(
        @JsonProperty(value = "step", index = 0) String label,
        @JsonProperty(index = 1) Double targetRate,
        @JsonProperty(index = 2) Integer workers,
        @JsonIgnore double seconds,
        @JsonProperty(index = 4) long sent,
        @JsonProperty(index = 5) long created,
        @JsonProperty(index = 6) long paid,
        @JsonProperty(index = 7) long paymentFailed,
        @JsonProperty(index = 8) long dispatched,
        @JsonProperty(index = 14) Map<String, Long> errorsByKind,
        @JsonProperty(value = "postLatencyMs", index = 10) Histogram post,

        @JsonProperty(value = "endToEndLatencyMs", index = 11)
        Histogram endToEnd,

        @JsonIgnore Histogram dispatch,
        @JsonIgnore List<Second> series,
        @JsonProperty(index = 15) String aborted) {

    /** One second of a step, by when its orders were scheduled; latencies in milliseconds, 0 when none. */
    record Second(
            String step,
            int second,
            long sent,
            long completed,
            long errors,
            double postP50Ms,
            double postP99Ms,
            double endToEndP50Ms,
            double endToEndP99Ms,
            double dispatchP50Ms,
            double dispatchP99Ms) {}

    /** A histogram's percentiles in milliseconds, as the results file shows every histogram. */
    record Latency(long count, double p50, double p95, double p99, double p999, double max, double mean) {

        static Latency of(Histogram h) {
            return new Latency(
                    h.getTotalCount(),
                    ms(h, 50),
                    ms(h, 95),
                    ms(h, 99),
                    ms(h, 99.9),
                    ms(h.getMaxValue()),
                    ms(Math.round(h.getMean())));
        }
    }

    @JsonProperty(value = "errors", index = 13)
    long errorCount() {
        return errorsByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Orders that became final (paid or failed) per second of the step. */
    double ordersPerSecond() {
        return seconds <= 0 ? 0 : (paid + paymentFailed) / seconds;
    }

    @JsonProperty(value = "ordersPerSecond", index = 9)
    double roundedOrdersPerSecond() {
        return round(ordersPerSecond());
    }

    @JsonProperty(value = "seconds", index = 3)
    double roundedSeconds() {
        return round(seconds);
    }

    /** Whether POST→DISPATCHED was measured: at least one {@code OrderDispatched} arrived in the step. */
    boolean dispatchMeasured() {
        return dispatched > 0;
    }

    @JsonProperty(value = "dispatchLatencyMs", index = 12)
    Histogram measuredDispatch() {
        return dispatchMeasured() ? dispatch : null;
    }

    /** Microseconds as milliseconds with two decimals. */
    static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }

    static double ms(Histogram h, double percentile) {
        return ms(h.getValueAtPercentile(percentile));
    }

    /** One decimal, as the results file shows rates and seconds. */
    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
