package dev.orderflow.bench;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * What a run measured: the run as the results file shows it (Jackson writes these records), and as text: the step
 * table, the result, the ratios to the limits, and the one summary line.
 */
final class Report {

    /** A measured step, whether it met the preset's bar, and what the machine did meanwhile. */
    record Step(@JsonUnwrapped StepResult result, boolean passed, String verdict, SystemStats.Figures system) {}

    /** The machine when the run began. */
    record Conditions(
            String loadAverage,
            int cpus,
            long surefireJvms,
            String javaVersion,
            @JsonInclude(NON_NULL) Double machineCpuBusyPercentBeforeLimits) {}

    /** The accounts the run opened. */
    record Setup(int customers, BigDecimal depositEach, double seconds) {}

    /**
     * Everything a run measured, as the results file shows it (its field names are what readers of
     * {@code bench-results/} depend on). {@code chosen} is the step the run reports as its result, or null.
     */
    record Run(
            @JsonIgnore BenchOptions options,
            @JsonProperty(index = 1) String runId,
            @JsonProperty(index = 2) String startedAt,
            @JsonProperty(index = 3) Conditions conditions,
            @JsonProperty(index = 5) Limits limits,
            @JsonProperty(index = 6) Setup setup,
            @JsonProperty(index = 9) @JsonInclude(NON_NULL) StepResult warmup,
            @JsonProperty(index = 8) List<Step> steps,
            @JsonIgnore Step chosen) {

        @JsonProperty(index = 0)
        String preset() {
            return options.preset().label();
        }

        @JsonProperty(index = 4)
        Results.Settings settings() {
            return Results.Settings.of(options);
        }

        /** The chosen step; every field null when no step was chosen. */
        @JsonProperty(index = 7)
        Results.Result result() {
            return Results.Result.of(this);
        }

        @JsonProperty(index = 10)
        List<StepResult.Second> series() {
            return steps.stream().flatMap(s -> s.result().series().stream()).toList();
        }
    }

    /** How a step compares with the limits measured in the same run; null where either side is unknown. */
    @JsonInclude(NON_NULL)
    record Ratios(
            Double ordersPerSecondToPgInsertTps,
            Double pgCommitsPerSecondToPgInsertTps,
            Double pgBoundOrdersPerSecond,
            Double ordersPerSecondToKafkaRecordsPerSecond,
            Double kafkaRecordsPerSecondToKafkaLimit,
            Double endToEndP50ToKafkaRoundTripP50,
            Double endToEndP99ToKafkaRoundTripP99) {

        static Ratios of(Run run, Step step) {
            StepResult r = step.result();
            SystemStats.Figures system = step.system();
            Limits.Postgres pg = run.limits().postgres();
            Limits.Kafka kafka = run.limits().kafka();
            Double tps = pg == null ? null : pg.transactionsPerSecond();
            Double perOrder = system.pgCommitsPerOrder();
            Double records = kafka == null ? null : kafka.recordsPerSecond();
            // a ratio to a round trip of 0 (none measured) is null
            Histogram rt = kafka == null || r.endToEnd().getTotalCount() == 0 ? null : kafka.latency();
            return new Ratios(
                    ratio(r.ordersPerSecond(), tps),
                    ratio(system.pgCommitsPerSecond(), tps),
                    tps != null && perOrder != null && perOrder > 0 ? StepResult.round(tps / perOrder) : null,
                    ratio(r.ordersPerSecond(), records),
                    ratio(system.kafkaRecordsPerSecond(), records),
                    rt == null
                            ? null
                            : ratio(r.endToEnd().getValueAtPercentile(50), (double) rt.getValueAtPercentile(50)),
                    rt == null
                            ? null
                            : ratio(r.endToEnd().getValueAtPercentile(99), (double) rt.getValueAtPercentile(99)));
        }

        private static Double ratio(Number a, Double b) {
            return a == null || b == null || b <= 0 ? null : Math.round(a.doubleValue() / b * 10000) / 10000.0;
        }
    }

    private static final String ROW = "  %-10s %9s  %-22s  %-29s  %-29s %6s  %s";

    static final String TABLE_HEADER = format(
            ROW,
            "step",
            "orders/s",
            "POST p50/p99 ms",
            "end-to-end p50/p95/p99/max ms",
            "dispatched p50/p95/p99/max ms",
            "errors",
            "verdict");

    private static final String NOT_MEASURED = "POST->DISPATCHED not measured (no OrderDispatched seen)";

    private Report() {}

    static String limitsText(Limits limits) {
        Limits.Postgres pg = limits.postgres();
        Limits.Kafka kafka = limits.kafka();
        String text = "";
        if (pg != null) {
            text += format(
                    "  PostgreSQL %s single-row insert transactions: %,.0f tx/s on %d connections"
                            + " (p50 %.2f ms, p99 %.2f ms; fsync %s, synchronous_commit %s)%n",
                    pg.server(),
                    pg.transactionsPerSecond(),
                    pg.connections(),
                    StepResult.ms(pg.latency(), 50),
                    StepResult.ms(pg.latency(), 99),
                    pg.fsync(),
                    pg.synchronousCommit());
        }
        if (kafka != null) {
            Histogram rt = kafka.latency();
            text += format(
                    "  Kafka produce->consume round trip, acks=all: p50 %.2f ms, p99 %.2f ms (%d round trips);"
                            + " %,.0f records/s of %d B flat out%n",
                    StepResult.ms(rt, 50),
                    StepResult.ms(rt, 99),
                    rt.getTotalCount(),
                    kafka.recordsPerSecond(),
                    kafka.recordBytes());
        }
        return text;
    }

    /** A step's row of the table and, under it, what the machine did meanwhile. */
    static String stepLine(Step s) {
        StepResult r = s.result();
        SystemStats.Figures system = s.system();
        List<String> parts = new ArrayList<>();
        if (!system.cpuPercentOfOneCore().isEmpty()) {
            String cpu = system.cpuPercentOfOneCore().entrySet().stream()
                    .filter(e -> e.getValue() >= 1)
                    .sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
                    .map(e -> e.getKey() + " " + Math.round(e.getValue()) + " ")
                    .collect(Collectors.joining("", "cpu% ", ""));
            Double busy = system.machineCpuBusyPercent();
            parts.add((busy == null ? cpu : cpu + "(machine " + Math.round(busy) + "% busy)").trim());
        }
        addKnown(parts, "pg %.0f commits/s (%.1f/order)", system.pgCommitsPerSecond(), system.pgCommitsPerOrder());
        addKnown(parts, "%.0f WAL syncs/s", system.pgWalSyncsPerSecond());
        addKnown(parts, "kafka %.1f records/order", system.kafkaRecordsPerOrder());
        return format(
                        ROW,
                        r.label(),
                        format("%.1f", r.ordersPerSecond()),
                        num(r.post(), 50) + " / " + num(r.post(), 99),
                        quartet(r.endToEnd(), " / "),
                        r.dispatchMeasured() ? quartet(r.dispatch(), " / ") : "not measured",
                        String.valueOf(r.errorCount()),
                        s.verdict())
                + System.lineSeparator()
                + " ".repeat(12)
                + String.join("; ", parts);
    }

    static String resultText(Run run) {
        if (run.chosen() == null) {
            return "result: no step completed\n";
        }
        StepResult r = run.chosen().result();
        String text = format(
                "result (%s): %.1f orders/s; POST p50/p95/p99/max %s ms; end-to-end p50/p95/p99/max %s ms; %s;"
                        + " %d errors%s%n",
                r.label(),
                r.ordersPerSecond(),
                quartet(r.post(), "/"),
                quartet(r.endToEnd(), "/"),
                r.dispatchMeasured()
                        ? format(
                                "POST->DISPATCHED p50/p95/p99/max %s ms (%d of %d paid orders dispatched)",
                                quartet(r.dispatch(), "/"), r.dispatched(), r.paid())
                        : NOT_MEASURED,
                r.errorCount(),
                r.errorCount() > 0 ? " " + r.errorsByKind() : "");
        Ratios q = Ratios.of(run, run.chosen());
        List<String> parts = new ArrayList<>();
        addKnown(parts, "orders/s = %.1f%% of PostgreSQL's insert tx/s", percent(q.ordersPerSecondToPgInsertTps()));
        addKnown(parts, "the suite's commits/s = %.1f%% of it", percent(q.pgCommitsPerSecondToPgInsertTps()));
        addKnown(parts, "at its commits per order the database bounds it at %.0f orders/s", q.pgBoundOrdersPerSecond());
        addKnown(parts, "its Kafka records/s = %.1f%% of the broker's", percent(q.kafkaRecordsPerSecondToKafkaLimit()));
        addKnown(
                parts,
                "end-to-end p50/p99 = %.1f/%.1f Kafka round trips",
                q.endToEndP50ToKafkaRoundTripP50(),
                q.endToEndP99ToKafkaRoundTripP99());
        return parts.isEmpty() ? text : text + "ratios: " + String.join("; ", parts) + System.lineSeparator();
    }

    /** The last line of every run. */
    static String summaryLine(Run run) {
        String preset = run.options().preset().label();
        if (run.chosen() == null) {
            StepResult first =
                    run.steps().isEmpty() ? null : run.steps().getFirst().result();
            return first == null
                    ? "bench " + preset + ": no orders placed"
                    : format(
                            "bench %s: no step met the bar (first step %s: %.1f orders/s, p99 end-to-end %s ms,"
                                    + " %d errors)",
                            preset,
                            first.label(),
                            first.ordersPerSecond(),
                            num(first.endToEnd(), 99),
                            first.errorCount());
        }
        StepResult r = run.chosen().result();
        return format(
                "bench %s: %.1f orders/s, p99 end-to-end %s ms, %d errors, %s",
                preset,
                r.ordersPerSecond(),
                num(r.endToEnd(), 99),
                r.errorCount(),
                r.dispatchMeasured()
                        ? format(
                                "p99 POST->DISPATCHED %s ms (%d of %d paid dispatched)",
                                num(r.dispatch(), 99), r.dispatched(), r.paid())
                        : NOT_MEASURED);
    }

    /** Microseconds as milliseconds: one decimal below 100 ms, whole above. */
    static String num(long micros) {
        double ms = micros / 1000.0;
        return ms >= 100 ? String.valueOf(Math.round(ms)) : format("%.1f", ms);
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A histogram's percentile, as {@link #num(long)} shows it. */
    static String num(Histogram h, double percentile) {
        return num(h.getValueAtPercentile(percentile));
    }

    static String format(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String quartet(Histogram h, String separator) {
        return String.join(separator, num(h, 50), num(h, 95), num(h, 99), num(h.getMaxValue()));
    }

    /** Adds {@code format} with {@code values} to {@code parts}, unless one of them is unknown. */
    private static void addKnown(List<String> parts, String format, Double... values) {
        if (Arrays.stream(values).allMatch(Objects::nonNull)) {
            parts.add(format(format, (Object[]) values));
        }
    }

    private static Double percent(Double ratio) {
        return ratio == null ? null : ratio * 100;
    }
}
