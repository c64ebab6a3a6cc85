package dev.orderflow.bench;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;
import static dev.orderflow.bench.Report.escape;
import static dev.orderflow.bench.Report.num;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderflow.bench.StepResult.Latency;
import java.util.List;
import org.HdrHistogram.Histogram;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdDelegatingSerializer;
import tools.jackson.databind.util.StdConverter;

/**
 * The files a run writes: the JSON document ({@link Report.Run} and what it holds, written by Jackson; every histogram
 * as its {@link Latency}) and the HTML page with the step table and {@link Chart}s.
 */
final class Results {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .addModule(new SimpleModule()
                    .addSerializer(Histogram.class, new StdDelegatingSerializer(new StdConverter<Histogram, Latency>() {
                        @Override
                        public Latency convert(Histogram h) {
                            return Latency.of(h);
                        }
                    })))
            .build();

    record Settings(
            String mode,
            @JsonInclude(NON_NULL) Integer concurrency,
            @JsonInclude(NON_NULL) List<Double> rates,
            double stepSeconds,
            double warmupSeconds,
            Double warmupRate,
            int customers,
            String product,
            Long p99Threshold,
            double completionTimeoutSeconds,
            String orderUrl,
            String billingUrl,
            String bootstrapServers,
            String jdbcUrl) {

        static Settings of(BenchOptions o) {
            boolean closed = o.closedLoop();
            return new Settings(
                    closed ? "closed loop" : "open model",
                    closed ? o.concurrency() : null,
                    closed ? null : o.measuredRates(),
                    o.duration().toMillis() / 1000.0,
                    o.warmup().toMillis() / 1000.0,
                    o.warmup().isZero() || closed ? null : o.warmupRate(),
                    o.customers(),
                    o.product(),
                    o.throughput() ? o.threshold().toMillis() : null,
                    o.completionTimeout().toMillis() / 1000.0,
                    o.orderUrl().toString(),
                    o.billingUrl().toString(),
                    o.bootstrapServers(),
                    o.jdbcUrl());
        }
    }

    /** The chosen step; every field null when no step was chosen. */
    @JsonInclude(NON_NULL)
    record Result(
            String step,
            Double ordersPerSecond,
            Histogram postLatencyMs,
            Histogram endToEndLatencyMs,
            Long dispatched,
            Histogram dispatchLatencyMs,
            Long errors,
            Report.Ratios ratios) {

        static Result of(Report.Run run) {
            StepResult r = run.chosen() == null ? null : run.chosen().result();
            return r == null
                    ? new Result(null, null, null, null, null, null, null, null)
                    : new Result(
                            r.label(),
                            r.roundedOrdersPerSecond(),
                            r.post(),
                            r.endToEnd(),
                            r.dispatched(),
                            r.measuredDispatch(),
                            r.errorCount(),
                            Report.Ratios.of(run, run.chosen()));
        }
    }

    private Results() {}

    static String json(Report.Run run) {
        return JSON.writeValueAsString(run) + "\n";
    }

    static String html(Report.Run run) {
        String title = "orderflow bench " + run.options().preset().label() + " " + run.runId();
        StringBuilder h = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(title)
                .append("</title>\n<style>body{font:14px system-ui,sans-serif;margin:24px;color:#222}"
                        + "table{border-collapse:collapse}td,th{padding:3px 10px;border-bottom:1px solid #ddd;"
                        + "text-align:right}th:first-child,td:first-child{text-align:left}"
                        + "pre{background:#f6f6f6;padding:8px}</style></head><body>\n<h1>")
                .append(title)
                .append("</h1>\n<p><b>")
                .append(escape(Report.summaryLine(run)))
                .append("</b></p>\n<pre>")
                .append(escape(Report.limitsText(run.limits())))
                .append(escape(Report.resultText(run)))
                .append("</pre>\n<h2>Latency per second (by when the orders were scheduled), log scale</h2>\n")
                .append(Chart.latencies(run))
                .append("<h2>Orders per second</h2>\n")
                .append(Chart.rates(run))
                .append("<h2>Steps</h2>\n<table><tr><th>step</th><th>orders/s</th><th>POST p50</th><th>POST p99</th>"
                        + "<th>e2e p50</th><th>e2e p95</th><th>e2e p99</th><th>e2e max</th><th>dispatched</th>"
                        + "<th>disp. p50</th><th>disp. p99</th><th>errors</th><th>verdict</th></tr>\n");
        for (Report.Step s : run.steps()) {
            StepResult r = s.result();
            boolean d = r.dispatchMeasured();
            h.append(Report.format(
                    "<tr><td>%s</td><td>%.1f</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
                            + "<td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td>%s</td></tr>%n",
                    escape(r.label()),
                    r.ordersPerSecond(),
                    num(r.post(), 50),
                    num(r.post(), 99),
                    num(r.endToEnd(), 50),
                    num(r.endToEnd(), 95),
                    num(r.endToEnd(), 99),
                    num(r.endToEnd().getMaxValue()),
                    d ? r.dispatched() + " of " + r.paid() : "not measured",
                    d ? num(r.dispatch(), 50) : "-",
                    d ? num(r.dispatch(), 99) : "-",
                    r.errorCount(),
                    escape(s.verdict())));
        }
        return h.append("</table>\n<p>Latencies in ms. POST: from the order's scheduled send time to its 201. End to"
                        + " end: from the same moment to its OrderPaid or PaymentFailed on the bench's consumer of"
                        + " topic payment. Dispatched: from the same moment to its OrderDispatched on topic"
                        + " fulfillment (not measured when no fulfillment-service runs).</p>\n</body></html>\n")
                .toString();
    }
}
