package dev.orderflow.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one step of load measured. Latencies are in microseconds in the histograms; POST latency runs from the moment
 * the order was scheduled to be sent to its 201, end-to-end latency from the same moment to the order's
 * {@code OrderPaid} or {@code PaymentFailed} arriving on the bench's consumer.
 *
 * @param label e.g. {@code 400/s} or {@code max x32}
 * @param targetRate the open model's rate, or 0 for the closed loop
 * @param workers the closed loop's workers, or 0
 * @param seconds how long the step placed orders
 * @param sent POSTs sent
 * @param created POSTs answered 201
 * @param paid orders whose {@code OrderPaid} arrived
 * @param paymentFailed orders whose {@code PaymentFailed} arrived (an error here: every account has the money)
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
        Map<String, Long> errors,
        Histogram post,
        Histogram endToEnd,
        List<Second> series,
        String aborted) {

    /** One second of the step, by when its orders were scheduled; latencies in microseconds. */
    record Second(
            int second,
            long sent,
            long completed,
            long errors,
            long postP50,
            long postP99,
            long endToEndP50,
            long endToEndP99) {}

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Orders that became final (paid or failed) per second of the step. */
    double ordersPerSecond() {
        return seconds <= 0 ? 0 : (paid + paymentFailed) / seconds;
    }

    /** p50, p95, p99, max and mean of a histogram, in milliseconds. */
    static Map<String, Object> millis(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.getTotalCount());
        m.put("p50", ms(h.getValueAtPercentile(50)));
        m.put("p95", ms(h.getValueAtPercentile(95)));
        m.put("p99", ms(h.getValueAtPercentile(99)));
        m.put("p999", ms(h.getValueAtPercentile(99.9)));
        m.put("max", ms(h.getMaxValue()));
        m.put("mean", ms(Math.round(h.getMean())));
        return m;
    }

    static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
