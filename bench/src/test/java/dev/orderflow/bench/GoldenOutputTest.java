package dev.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Renders one fixed run (limits, a warm-up, a step that passed with dispatches, one that failed with errors) and
 * compares every line the bench prints, its JSON and its HTML with what the bench wrote for the same run before it was
 * rewritten: readers of its output (bin/crash-check, .ci/bench-smoke, docs/performance.md, older results files) depend
 * on them byte for byte.
 */
class GoldenOutputTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void rendersAFixedRunExactlyAsBefore() throws IOException {
        Report.Run run = run();
        String text = Report.TABLE_HEADER + "\n"
                + String.join("\n", run.steps().stream().map(Report::stepLine).toList()) + "\n"
                + Report.limitsText(run.limits())
                + Report.resultText(run)
                + Report.summaryLine(run) + "\n";
        check("report.txt", text);
        check("result.json", Results.json(run));
        check("result.html", Results.html(run));
    }

    private static void check(String name, String actual) throws IOException {
        Path seen = Path.of("target/golden");
        Files.createDirectories(seen);
        Files.writeString(seen.resolve(name), actual, StandardCharsets.UTF_8); // to diff when this fails
        if (Boolean.getBoolean("golden.write")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(GOLDEN.resolve(name), actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(GOLDEN.resolve(name), StandardCharsets.UTF_8));
    }

    static Report.Run run() {
        SystemStats.Figures system = new SystemStats.Figures(
                20.1,
                81.5,
                2,
                new TreeMap<>(Map.of("order-service", 60.4, "postgresql", 12.6, "bench", 0.4)),
                1012.3,
                2.5,
                150.2,
                3004.0,
                7.5);
        SystemStats.Figures bare = new SystemStats.Figures(20.0, null, null, Map.of(), null, null, null, null, null);
        StepResult passed = step("200/s", 200, 20, 31_234, 92_345, Map.of());
        StepResult failed = step("400/s", 400, 20, 812_345, 0, new TreeMap<>(Map.of("http 503", 3L, "timeout", 1L)));
        Report.Step ok = new Report.Step(passed, true, "ok: p99 under 500 ms", system);
        Report.Step fail = new Report.Step(failed, false, "FAIL: 4 errors {http 503=3, timeout=1}", bare);
        return new Report.Run(
                BenchOptions.parse("throughput", "--steps", "200,400"),
                "20261129-131500",
                "2026-11-29T13:15:00Z",
                new Report.Conditions("0.50 0.40 0.30", 2, 1, "25", 12.5),
                new Limits(POSTGRES, KAFKA),
                new Report.Setup(100, new BigDecimal("1000000.00"), 1.5),
                step("warm-up", 200, 10, 45_678, 0, Map.of()),
                List.of(ok, fail),
                ok);
    }

    private static StepResult step(
            String label, double rate, int seconds, long micros, long dispatchMicros, Map<String, Long> errors) {
        long orders = Math.round(rate * seconds);
        Histogram post = new Histogram(LoadStep.HIGHEST, 3);
        Histogram endToEnd = new Histogram(LoadStep.HIGHEST, 3);
        Histogram dispatch = new Histogram(LoadStep.HIGHEST, 3);
        List<StepResult.Second> series = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            for (int i = 0; i < rate; i++) {
                long spread = micros * (50 + i % 100) / 100;
                post.recordValue(spread / 7);
                endToEnd.recordValue(spread + s * 1000L);
                if (dispatchMicros > 0) {
                    dispatch.recordValue(dispatchMicros + spread);
                }
            }
            series.add(new StepResult.Second(
                    label,
                    s,
                    (long) rate,
                    (long) rate - s % 3,
                    s % 3,
                    1.25,
                    4.5,
                    micros / 1000.0,
                    micros / 500.0,
                    dispatchMicros / 1000.0,
                    dispatchMicros / 500.0));
        }
        long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
        return new StepResult(
                label,
                rate,
                null,
                seconds,
                orders,
                orders - errorCount,
                orders - errorCount,
                0,
                dispatch.getTotalCount(),
                errors,
                post,
                endToEnd,
                dispatch,
                series,
                null);
    }

    private static Histogram histogram(long micros, long count) {
        Histogram h = new Histogram(LoadStep.HIGHEST, 3);
        h.recordValueWithCount(micros, count);
        return h;
    }

    private static final Limits.Postgres POSTGRES =
            Limits.Postgres.of(4, 5.0123, 52_345, histogram(765, 52_345), "17.6", "on", "on");

    private static final Limits.Kafka KAFKA = Limits.Kafka.of(histogram(2_345, 1234), 301_234, 5.0456, 0);
}
