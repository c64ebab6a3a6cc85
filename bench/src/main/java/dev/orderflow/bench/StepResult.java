package dev.orderflow.bench;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one step of load measured. Latencies are in microseconds in the histograms, all counted from the moment the
 * order was scheduled to be sent: POST latency to its 201, end-to-end latency to its {@code OrderPaid} or
 * {@code PaymentFailed} arriving on the bench's consumer, dispatch latency to its {@code OrderDispatched}.
 *
 * @param label e.g. {@code 400/s} or {@code max x32}
 * @param targetRate the open model's rate, or 0 for the closed loop
 * @param workers the closed loop's workers, or 0
 * @param seconds how long the step placed orders
 * @param sent POSTs sent
 * @param created POSTs answered 201
 * @param paid orders whose {@code OrderPaid} arrived
 * @param paymentFailed orders whose {@code PaymentFailed} arrived (an error here: every account has the money)
 * @param dispatched paid orders whose {@code OrderDispatched} arrived; none at all when no fulfillment-service runs
 * @param errors per kind: {@code http <status>}, {@code timeout}, {@code io}, {@code no final event},
 *     {@code payment failed}
 * @param aborted why the step stopped early, or null
 */
record StepResult(
        String label,
        double targetRate,
        int workers,
        double seconds,
        long sent,
        long created,
        long paid,
        long paymentFailed,
        long dispatched,
        Map<String, Long> errors,
        Histogram post,
        Histogram endToEnd,
        Histogram dispatch,
        List<Second> series,
        String aborted) {

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

    /** A histogram's percentiles in milliseconds, as the results file shows them. */
    record Latency(long count, double p50, double p95, double p99, double p999, double max, double mean) {

        static Latency of(Histogram h) {
            return new Latency(
                    h.getTotalCount(),
                    ms(h.getValueAtPercentile(50)),
                    ms(h.getValueAtPercentile(95)),
                    ms(h.getValueAtPercentile(99)),
                    ms(h.getValueAtPercentile(99.9)),
                    ms(h.getMaxValue()),
                    ms(Math.round(h.getMean())));
        }
    }

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Orders that became final (paid or failed) per second of the step. */
    double ordersPerSecond() {
        return seconds <= 0 ? 0 : (paid + paymentFailed) / seconds;
    }

    /** Whether POST→DISPATCHED was measured: at least one {@code OrderDispatched} arrived in the step. */
    boolean dispatchMeasured() {
        return dispatched > 0;
    }

    static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
