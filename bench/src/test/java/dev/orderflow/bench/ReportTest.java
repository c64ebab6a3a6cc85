package dev.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void endsWithOneSummaryLine() {
        Report.Step step = new Report.Step(result(812.4, 20, 143_000), Map.of(), true, "ok");
        Report.Run run = new Report.Run(
                BenchOptions.parse("throughput"), "r", "t", Map.of(), null, null, Map.of(), null, List.of(step), step);
        assertThat(Report.summaryLine(run))
                .isEqualTo("bench throughput: 812.4 orders/s, p99 end-to-end 143 ms, 0 errors");
    }

    @Test
    void saysSoWhenNoStepMetTheBar() {
        Report.Step step = new Report.Step(result(100, 20, 900_000), Map.of(), false, "FAIL");
        Report.Run run = new Report.Run(
                BenchOptions.parse("throughput"), "r", "t", Map.of(), null, null, Map.of(), null, List.of(step), null);
        assertThat(Report.summaryLine(run)).startsWith("bench throughput: no step met the bar");
    }

    @Test
    void drawsTheLatencyOverTimeAsInlineSvg() {
        Report.Step step = new Report.Step(result(100, 3, 20_000), Map.of(), true, "ok");
        Report.Run run = new Report.Run(
                BenchOptions.parse("latency"), "r", "t", Map.of(), null, null, Map.of(), null, List.of(step), step);
        String html = Report.html(run);
        assertThat(html).contains("<svg").contains("<path").contains("end-to-end p99");
    }

    /** A step of {@code seconds} seconds at {@code rate} orders/s, every order {@code micros} end to end. */
    private static StepResult result(double rate, int seconds, long micros) {
        Histogram post = new Histogram(LoadStep.HIGHEST, 3);
        Histogram e2e = new Histogram(LoadStep.HIGHEST, 3);
        long orders = Math.round(rate * seconds);
        post.recordValueWithCount(micros / 4, orders);
        e2e.recordValueWithCount(micros, orders);
        List<StepResult.Second> series = new java.util.ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            series.add(new StepResult.Second(s, (long) rate, (long) rate, 0, micros / 4, micros / 4, micros, micros));
        }
        return new StepResult("x/s", rate, 0, seconds, orders, orders, orders, 0, Map.of(), post, e2e, series, null);
    }
}
