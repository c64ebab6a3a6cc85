package dev.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportTest {

    private static final SystemStats.Figures SYSTEM = new SystemStats.Figures(
            20, 80.0, 2, Map.of("order-service", 60.0, "others", 3.0), 1000.0, 2.5, 150.0, 3000.0, 7.5);

    @Test
    void endsWithOneSummaryLine() {
        Report.Step step = new Report.Step(result(812.4, 20, 143_000, 0), true, "ok", SYSTEM);
        assertThat(Report.summaryLine(run("throughput", step, step)))
                .isEqualTo("bench throughput: 812.4 orders/s, p99 end-to-end 143 ms, 0 errors,"
                        + " POST->DISPATCHED not measured (no OrderDispatched seen)");
    }

    @Test
    void reportsPostToDispatchedBesidePostToPaid() {
        Report.Step step = new Report.Step(result(100, 20, 40_000, 250_000), true, "ok", SYSTEM);
        Report.Run run = run("latency", step, step);
        assertThat(Report.summaryLine(run))
                .isEqualTo("bench latency: 100.0 orders/s, p99 end-to-end 40.0 ms, 0 errors,"
                        + " p99 POST->DISPATCHED 250 ms (2000 of 2000 paid dispatched)");
        assertThat(Report.resultText(run))
                .contains("end-to-end p50/p95/p99/max 40.0/40.0/40.0/40.0 ms;"
                        + " POST->DISPATCHED p50/p95/p99/max 250/250/250/250 ms (2000 of 2000 paid orders dispatched)");
        assertThat(Report.stepLine(step)).containsPattern("40.0 / 40.0 / 40.0 / 40.0 +250 / 250 / 250 / 250 ");
    }

    @Test
    void saysSoWhenNoStepMetTheBar() {
        Report.Step step = new Report.Step(result(100, 20, 900_000, 0), false, "FAIL", SYSTEM);
        assertThat(Report.summaryLine(run("throughput", step, null)))
                .startsWith("bench throughput: no step met the bar");
    }

    @Test
    void describesWhatTheMachineDidUnderEachStep() {
        Report.Step step = new Report.Step(result(100, 20, 40_000, 0), true, "ok", SYSTEM);
        assertThat(Report.stepLine(step))
                .contains("not measured")
                .endsWith("cpu% order-service 60 others 3 (machine 80% busy); pg 1000 commits/s (2.5/order);"
                        + " 150 WAL syncs/s; kafka 7.5 records/order");
    }

    @Test
    void comparesTheResultWithTheLimitsOfTheSameRun() {
        Histogram pgLatency = histogram(500, 1000);
        Histogram kafkaLatency = histogram(1_000, 1000);
        Report.Step step = new Report.Step(result(100, 20, 20_000, 0), true, "ok", SYSTEM);
        Report.Run run = new Report.Run(
                BenchOptions.parse("latency"),
                "r",
                "t",
                conditions(),
                new Limits(
                        Limits.Postgres.of(4, 5, 50_000, pgLatency, "17.6", "on", "on"),
                        Limits.Kafka.of(kafkaLatency, 300_000, 5, 0)),
                setup(),
                null,
                List.of(step),
                step);
        Report.Ratios ratios = Report.Ratios.of(run, step);
        assertThat(ratios.ordersPerSecondToPgInsertTps()).isEqualTo(0.01);
        assertThat(ratios.pgBoundOrdersPerSecond()).isEqualTo(4000.0);
        assertThat(ratios.endToEndP50ToKafkaRoundTripP50()).isCloseTo(20.0, within(0.1));
        assertThat(Report.resultText(run))
                .contains(
                        "ratios: orders/s = 1.0% of PostgreSQL's insert tx/s; the suite's commits/s = 10.0% of it;"
                                + " at its commits per order the database bounds it at 4000 orders/s;"
                                + " its Kafka records/s = 5.0% of the broker's; end-to-end p50/p99 = 20.0/20.0 Kafka round trips");
    }

    @Test
    void writesTheResultsFileWithTheFieldNamesItsReadersUse() {
        Report.Step measured = new Report.Step(result(200, 3, 30_000, 90_000), true, "ok", SYSTEM);
        Report.Step unmeasured = new Report.Step(result(400, 3, 60_000, 0), true, "ok", SYSTEM);
        Report.Run run = new Report.Run(
                BenchOptions.parse("throughput"),
                "r",
                "t",
                conditions(),
                new Limits(null, null),
                setup(),
                result(20, 2, 50_000, 0),
                List.of(measured, unmeasured),
                measured);
        JsonNode json = JsonMapper.builder().build().readTree(Results.json(run));
        assertThat(json.path("preset").asString()).isEqualTo("throughput");
        assertThat(json.path("settings").path("rates").size()).isGreaterThan(1);
        assertThat(json.path("settings").has("concurrency")).isFalse();
        assertThat(json.path("setup").path("depositEach").decimalValue()).isEqualByComparingTo("1000000.00");
        assertThat(json.path("limits").path("postgres").isNull()).isTrue();
        JsonNode result = json.path("result");
        assertThat(result.path("step").asString()).isEqualTo("200/s");
        assertThat(result.path("ordersPerSecond").asDouble()).isEqualTo(200.0);
        assertThat(result.path("endToEndLatencyMs").path("p99").asDouble()).isCloseTo(30.0, within(0.1));
        assertThat(result.path("dispatchLatencyMs").path("p99").asDouble()).isCloseTo(90.0, within(0.1));
        assertThat(result.path("dispatched").asLong()).isEqualTo(600);
        assertThat(result.path("errors").asLong()).isZero();
        assertThat(result.path("ratios").isObject()).isTrue();
        JsonNode step = json.path("steps").get(1);
        assertThat(step.path("paid").asLong()).isEqualTo(1200);
        assertThat(step.path("dispatched").asLong()).isZero();
        assertThat(step.path("dispatchLatencyMs").isNull()).isTrue();
        assertThat(step.path("errorsByKind").isObject()).isTrue();
        assertThat(step.path("passed").asBoolean()).isTrue();
        assertThat(step.path("system")
                        .path("cpuPercentOfOneCore")
                        .path("others")
                        .asDouble())
                .isEqualTo(3.0);
        assertThat(step.path("system").path("kafkaRecordsPerOrder").asDouble()).isEqualTo(7.5);
        assertThat(json.path("warmup").has("passed")).isFalse();
        assertThat(json.path("warmup").path("workers").isNull()).isTrue();
        JsonNode second = json.path("series").get(0);
        assertThat(second.path("endToEndP99Ms").asDouble()).isEqualTo(30.0);
        assertThat(second.path("dispatchP99Ms").asDouble()).isEqualTo(90.0);
        assertThat(json.path("series").size()).isEqualTo(6);
    }

    @Test
    void writesAnEmptyResultWhenNoStepMetTheBar() {
        Report.Step step = new Report.Step(result(100, 2, 900_000, 0), false, "FAIL", SYSTEM);
        JsonNode json = JsonMapper.builder().build().readTree(Results.json(run("throughput", step, null)));
        assertThat(json.path("result").isEmpty()).isTrue();
        assertThat(json.has("warmup")).isFalse();
    }

    @Test
    void drawsTheLatencyOverTimeAsInlineSvg() {
        Report.Step step = new Report.Step(result(100, 3, 20_000, 0), true, "ok", SYSTEM);
        String html = Results.html(run("latency", step, step));
        assertThat(html)
                .contains("<svg")
                .contains("<path")
                .contains("end-to-end p99")
                .doesNotContain("dispatched p99")
                .contains("<td>not measured</td>");
    }

    @Test
    void drawsPostToDispatchedWhenItWasMeasured() {
        Report.Step step = new Report.Step(result(100, 3, 20_000, 70_000), true, "ok", SYSTEM);
        String html = Results.html(run("latency", step, step));
        assertThat(html)
                .contains("dispatched p99")
                .contains("<td>300 of 300</td>")
                .contains("<td>70.0</td>");
    }

    private static Report.Run run(String preset, Report.Step step, Report.Step chosen) {
        return new Report.Run(
                BenchOptions.parse(preset),
                "r",
                "t",
                conditions(),
                new Limits(null, null),
                setup(),
                null,
                List.of(step),
                chosen);
    }

    private static Report.Conditions conditions() {
        return new Report.Conditions("0.5 0.4 0.3", 2, 0, "25", null);
    }

    private static Report.Setup setup() {
        return new Report.Setup(100, new BigDecimal("1000000.00"), 1.5);
    }

    /**
     * A step of {@code seconds} seconds at {@code rate} orders/s, every order {@code micros} end to end and, unless 0,
     * {@code dispatchMicros} to its dispatch.
     */
    private static StepResult result(double rate, int seconds, long micros, long dispatchMicros) {
        long orders = Math.round(rate * seconds);
        Histogram dispatch = dispatchMicros > 0 ? histogram(dispatchMicros, orders) : histogram(0, 0);
        List<StepResult.Second> series = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            double ms = micros / 1000.0;
            double dispatchMs = dispatchMicros / 1000.0;
            series.add(new StepResult.Second(
                    Bench.label(rate), s, (long) rate, (long) rate, 0, ms / 4, ms / 4, ms, ms, dispatchMs, dispatchMs));
        }
        return new StepResult(
                Bench.label(rate),
                rate,
                null,
                seconds,
                orders,
                orders,
                orders,
                0,
                dispatch.getTotalCount(),
                Map.of(),
                histogram(micros / 4, orders),
                histogram(micros, orders),
                dispatch,
                series,
                null);
    }

    private static Histogram histogram(long micros, long count) {
        Histogram h = new Histogram(LoadStep.HIGHEST, 3);
        if (count > 0) {
            h.recordValueWithCount(micros, count);
        }
        return h;
    }
}
