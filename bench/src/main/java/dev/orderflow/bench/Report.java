package dev.orderflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The results of a run: the human summary, the JSON document and the HTML page with the latency-over-time plot. */
final class Report {

    /** A measured step with what the machine did meanwhile, and whether it met the preset's bar. */
    record Step(StepResult result, Map<String, Object> system, boolean passed, String verdict) {}

    /** Everything a run measured. {@code chosen} is the step the run reports as its result, or null. */
    record Run(
            BenchOptions options,
            String runId,
            String startedAt,
            Map<String, Object> conditions,
            Limits.Postgres postgres,
            Limits.Kafka kafka,
            Map<String, Object> setup,
            StepResult warmup,
            List<Step> steps,
            Step chosen) {}

    private Report() {}

    // ---------------------------------------------------------------------------------------------------------------
    // JSON

    static Map<String, Object> json(Run run) {
        BenchOptions o = run.options();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("preset", o.preset().label());
        root.put("runId", run.runId());
        root.put("startedAt", run.startedAt());
        root.put("conditions", run.conditions());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("mode", o.closedLoop() ? "closed loop" : "open model");
        if (o.closedLoop()) {
            settings.put("concurrency", o.concurrency());
        } else {
            settings.put("rates", o.measuredRates());
        }
        settings.put("stepSeconds", o.duration().toMillis() / 1000.0);
        settings.put("warmupSeconds", o.warmup().toMillis() / 1000.0);
        settings.put("warmupRate", o.warmup().isZero() || o.closedLoop() ? null : o.warmupRate());
        settings.put("customers", o.customers());
        settings.put("product", o.product());
        settings.put(
                "p99Threshold",
                o.preset() == BenchOptions.Preset.THROUGHPUT ? o.threshold().toMillis() : null);
        settings.put("completionTimeoutSeconds", o.completionTimeout().toMillis() / 1000.0);
        settings.put("orderUrl", o.orderUrl().toString());
        settings.put("billingUrl", o.billingUrl().toString());
        settings.put("bootstrapServers", o.bootstrapServers());
        settings.put("jdbcUrl", o.jdbcUrl());
        root.put("settings", settings);
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("postgres", run.postgres() == null ? null : run.postgres().toJson());
        limits.put("kafka", run.kafka() == null ? null : run.kafka().toJson());
        root.put("limits", limits);
        root.put("setup", run.setup());
        Step chosen = run.chosen();
        Map<String, Object> result = new LinkedHashMap<>();
        if (chosen != null) {
            StepResult r = chosen.result();
            result.put("step", r.label());
            result.put("ordersPerSecond", Limits.round(r.ordersPerSecond()));
            result.put("postLatencyMs", StepResult.millis(r.post()));
            result.put("endToEndLatencyMs", StepResult.millis(r.endToEnd()));
            result.put("errors", r.errorCount());
            result.put("ratios", ratios(run, chosen));
        }
        root.put("result", result);
        List<Object> steps = new ArrayList<>();
        for (Step s : run.steps()) {
            steps.add(step(s));
        }
        root.put("steps", steps);
        if (run.warmup() != null) {
            root.put("warmup", stepCore(run.warmup()));
        }
        List<Object> series = new ArrayList<>();
        for (Step s : run.steps()) {
            for (StepResult.Second sec : s.result().series()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("step", s.result().label());
                m.put("second", sec.second());
                m.put("sent", sec.sent());
                m.put("completed", sec.completed());
                m.put("errors", sec.errors());
                m.put("postP50Ms", StepResult.ms(sec.postP50()));
                m.put("postP99Ms", StepResult.ms(sec.postP99()));
                m.put("endToEndP50Ms", StepResult.ms(sec.endToEndP50()));
                m.put("endToEndP99Ms", StepResult.ms(sec.endToEndP99()));
                series.add(m);
            }
        }
        root.put("series", series);
        return root;
    }

    private static Map<String, Object> stepCore(StepResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", r.label());
        m.put("targetRate", r.targetRate() > 0 ? r.targetRate() : null);
        m.put("workers", r.workers() > 0 ? r.workers() : null);
        m.put("seconds", Limits.round(r.seconds()));
        m.put("sent", r.sent());
        m.put("created", r.created());
        m.put("paid", r.paid());
        m.put("paymentFailed", r.paymentFailed());
        m.put("ordersPerSecond", Limits.round(r.ordersPerSecond()));
        m.put("postLatencyMs", StepResult.millis(r.post()));
        m.put("endToEndLatencyMs", StepResult.millis(r.endToEnd()));
        m.put("errors", r.errorCount());
        m.put("errorsByKind", r.errors());
        m.put("aborted", r.aborted());
        return m;
    }

    private static Map<String, Object> step(Step s) {
        Map<String, Object> m = stepCore(s.result());
        m.put("passed", s.passed());
        m.put("verdict", s.verdict());
        m.put("system", s.system());
        return m;
    }

    /** How the step compares with the limits measured in the same run. */
    static Map<String, Object> ratios(Run run, Step step) {
        Map<String, Object> m = new LinkedHashMap<>();
        StepResult r = step.result();
        double orders = r.ordersPerSecond();
        if (run.postgres() != null) {
            double tps = run.postgres().transactionsPerSecond();
            m.put("ordersPerSecondToPgInsertTps", ratio(orders, tps));
            if (step.system().get("pgCommitsPerSecond") instanceof Double commits) {
                m.put("pgCommitsPerSecondToPgInsertTps", ratio(commits, tps));
            }
            if (step.system().get("pgCommitsPerOrder") instanceof Double perOrder && perOrder > 0) {
                m.put("pgBoundOrdersPerSecond", Limits.round(tps / perOrder));
            }
        }
        if (run.kafka() != null) {
            double records = run.kafka().recordsPerSecond();
            m.put("ordersPerSecondToKafkaRecordsPerSecond", ratio(orders, records));
            if (step.system().get("kafkaRecordsPerSecond") instanceof Double produced) {
                m.put("kafkaRecordsPerSecondToKafkaLimit", ratio(produced, records));
            }
            Histogram rt = run.kafka().latency();
            if (rt.getTotalCount() > 0 && r.endToEnd().getTotalCount() > 0) {
                m.put(
                        "endToEndP50ToKafkaRoundTripP50",
                        ratio(r.endToEnd().getValueAtPercentile(50), rt.getValueAtPercentile(50)));
                m.put(
                        "endToEndP99ToKafkaRoundTripP99",
                        ratio(r.endToEnd().getValueAtPercentile(99), rt.getValueAtPercentile(99)));
            }
        }
        return m;
    }

    private static Double ratio(double a, double b) {
        return b <= 0 ? null : Math.round(a / b * 10000) / 10000.0;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Text

    static String limitsText(Limits.Postgres pg, Limits.Kafka kafka) {
        StringBuilder out = new StringBuilder();
        if (pg != null) {
            out.append(String.format(
                    Locale.ROOT,
                    "  PostgreSQL %s single-row insert transactions: %,.0f tx/s on %d connections"
                            + " (p50 %.2f ms, p99 %.2f ms; fsync %s, synchronous_commit %s)%n",
                    pg.version(),
                    pg.transactionsPerSecond(),
                    pg.connections(),
                    StepResult.ms(pg.latency().getValueAtPercentile(50)),
                    StepResult.ms(pg.latency().getValueAtPercentile(99)),
                    pg.fsync(),
                    pg.synchronousCommit()));
        }
        if (kafka != null) {
            out.append(String.format(
                    Locale.ROOT,
                    "  Kafka produce->consume round trip, acks=all: p50 %.2f ms, p99 %.2f ms (%d round trips);"
                            + " %,.0f records/s of %d B flat out%n",
                    StepResult.ms(kafka.latency().getValueAtPercentile(50)),
                    StepResult.ms(kafka.latency().getValueAtPercentile(99)),
                    kafka.roundTrips(),
                    kafka.recordsPerSecond(),
                    Limits.RECORD_SIZE));
        }
        return out.toString();
    }

    static final String TABLE_HEADER = String.format(
            Locale.ROOT,
            "  %-10s %9s  %-22s  %-29s %6s  %s",
            "step",
            "orders/s",
            "POST p50/p99 ms",
            "end-to-end p50/p95/p99/max ms",
            "errors",
            "verdict");

    static String stepLine(Step s) {
        StepResult r = s.result();
        Histogram p = r.post();
        Histogram e = r.endToEnd();
        String line = String.format(
                Locale.ROOT,
                "  %-10s %9.1f  %-22s  %-29s %6d  %s",
                r.label(),
                r.ordersPerSecond(),
                num(p.getValueAtPercentile(50)) + " / " + num(p.getValueAtPercentile(99)),
                num(e.getValueAtPercentile(50)) + " / " + num(e.getValueAtPercentile(95)) + " / "
                        + num(e.getValueAtPercentile(99)) + " / " + num(e.getMaxValue()),
                r.errorCount(),
                s.verdict());
        return line + System.lineSeparator() + "  " + " ".repeat(10) + systemText(s.system());
    }

    @SuppressWarnings("unchecked")
    static String systemText(Map<String, Object> system) {
        List<String> parts = new ArrayList<>();
        if (system.get("cpuPercentOfOneCore") instanceof Map<?, ?> cpu && !cpu.isEmpty()) {
            List<Map.Entry<String, Object>> entries = new ArrayList<>(((Map<String, Object>) cpu).entrySet());
            entries.sort((a, b) -> Double.compare((Double) b.getValue(), (Double) a.getValue()));
            StringBuilder sb = new StringBuilder("cpu% ");
            for (Map.Entry<String, Object> entry : entries) {
                if ((Double) entry.getValue() >= 1) {
                    sb.append(entry.getKey())
                            .append(' ')
                            .append(Math.round((Double) entry.getValue()))
                            .append(' ');
                }
            }
            if (system.get("machineCpuBusyPercent") instanceof Double busy) {
                sb.append("(machine ").append(Math.round(busy)).append("% busy)");
            }
            parts.add(sb.toString().trim());
        }
        if (system.get("pgCommitsPerOrder") instanceof Double c) {
            parts.add(String.format(
                    Locale.ROOT, "pg %.0f commits/s (%.1f/order)", (Double) system.get("pgCommitsPerSecond"), c));
        }
        if (system.get("pgWalSyncsPerSecond") instanceof Double w) {
            parts.add(String.format(Locale.ROOT, "%.0f WAL syncs/s", w));
        }
        if (system.get("kafkaRecordsPerOrder") instanceof Double k) {
            parts.add(String.format(Locale.ROOT, "kafka %.1f records/order", k));
        }
        return String.join("; ", parts);
    }

    static String resultText(Run run) {
        Step chosen = run.chosen();
        if (chosen == null) {
            return "result: no step completed\n";
        }
        StepResult r = chosen.result();
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "result (%s): %.1f orders/s; POST p50/p95/p99/max %s ms; end-to-end p50/p95/p99/max %s ms;"
                        + " %d errors%s%n",
                r.label(),
                r.ordersPerSecond(),
                quartet(r.post()),
                quartet(r.endToEnd()),
                r.errorCount(),
                r.errorCount() > 0 ? " " + r.errors() : ""));
        Map<String, Object> ratios = ratios(run, chosen);
        List<String> parts = new ArrayList<>();
        if (ratios.get("ordersPerSecondToPgInsertTps") instanceof Double d) {
            parts.add(String.format(Locale.ROOT, "orders/s = %.1f%% of PostgreSQL's insert tx/s", d * 100));
        }
        if (ratios.get("pgCommitsPerSecondToPgInsertTps") instanceof Double d) {
            parts.add(String.format(Locale.ROOT, "the suite's commits/s = %.1f%% of it", d * 100));
        }
        if (ratios.get("pgBoundOrdersPerSecond") instanceof Double d) {
            parts.add(
                    String.format(Locale.ROOT, "at its commits per order the database bounds it at %.0f orders/s", d));
        }
        if (ratios.get("kafkaRecordsPerSecondToKafkaLimit") instanceof Double d) {
            parts.add(String.format(Locale.ROOT, "its Kafka records/s = %.1f%% of the broker's", d * 100));
        }
        if (ratios.get("endToEndP50ToKafkaRoundTripP50") instanceof Double d) {
            parts.add(String.format(Locale.ROOT, "end-to-end p50/p99 = %.1f/%.1f Kafka round trips", d, (Double)
                    ratios.get("endToEndP99ToKafkaRoundTripP99")));
        }
        if (!parts.isEmpty()) {
            out.append("ratios: ").append(String.join("; ", parts)).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** The last line of every run. */
    static String summaryLine(Run run) {
        String preset = run.options().preset().label();
        Step chosen = run.chosen();
        if (chosen == null) {
            Step first = run.steps().isEmpty() ? null : run.steps().getFirst();
            if (first == null) {
                return "bench " + preset + ": no orders placed";
            }
            return String.format(
                    Locale.ROOT,
                    "bench %s: no step met the bar (first step %s: %.1f orders/s, p99 end-to-end %s ms, %d errors)",
                    preset,
                    first.result().label(),
                    first.result().ordersPerSecond(),
                    num(first.result().endToEnd().getValueAtPercentile(99)),
                    first.result().errorCount());
        }
        StepResult r = chosen.result();
        return String.format(
                Locale.ROOT,
                "bench %s: %.1f orders/s, p99 end-to-end %s ms, %d errors",
                preset,
                r.ordersPerSecond(),
                num(r.endToEnd().getValueAtPercentile(99)),
                r.errorCount());
    }

    private static String quartet(Histogram h) {
        return num(h.getValueAtPercentile(50)) + "/" + num(h.getValueAtPercentile(95)) + "/"
                + num(h.getValueAtPercentile(99)) + "/" + num(h.getMaxValue());
    }

    /** Microseconds as milliseconds: one decimal below 100 ms, whole above. */
    static String num(long micros) {
        double ms = micros / 1000.0;
        return ms >= 100 ? String.valueOf(Math.round(ms)) : String.format(Locale.ROOT, "%.1f", ms);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // HTML

    static String html(Run run) {
        List<double[]> points = new ArrayList<>(); // x, postP50, postP99, e2eP50, e2eP99, sent, completed
        List<Object[]> marks = new ArrayList<>(); // x, label
        int offset = 0;
        for (Step s : run.steps()) {
            marks.add(new Object[] {offset, s.result().label()});
            int last = 0;
            for (StepResult.Second sec : s.result().series()) {
                points.add(new double[] {
                    offset + sec.second(),
                    sec.postP50() / 1000.0,
                    sec.postP99() / 1000.0,
                    sec.endToEndP50() / 1000.0,
                    sec.endToEndP99() / 1000.0,
                    sec.sent(),
                    sec.completed()
                });
                last = sec.second();
            }
            offset += last + 2;
        }
        StringBuilder h = new StringBuilder();
        String title = "orderflow bench " + run.options().preset().label() + " " + run.runId();
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(title)
                .append("</title>\n<style>body{font:14px system-ui,sans-serif;margin:24px;color:#222}"
                        + "table{border-collapse:collapse}td,th{padding:3px 10px;border-bottom:1px solid #ddd;"
                        + "text-align:right}th:first-child,td:first-child{text-align:left}"
                        + "pre{background:#f6f6f6;padding:8px}</style></head><body>\n")
                .append("<h1>")
                .append(title)
                .append("</h1>\n<p><b>")
                .append(escape(summaryLine(run)))
                .append("</b></p>\n<pre>")
                .append(escape(limitsText(run.postgres(), run.kafka())))
                .append(escape(resultText(run)))
                .append("</pre>\n");
        h.append("<h2>Latency per second (by when the orders were scheduled), log scale</h2>\n");
        h.append(latencyPlot(points, marks, run));
        h.append("<h2>Orders per second</h2>\n");
        h.append(ratePlot(points, marks));
        h.append("<h2>Steps</h2>\n<table><tr><th>step</th><th>orders/s</th><th>POST p50</th><th>POST p99</th>"
                + "<th>e2e p50</th><th>e2e p95</th><th>e2e p99</th><th>e2e max</th><th>errors</th>"
                + "<th>verdict</th></tr>\n");
        for (Step s : run.steps()) {
            StepResult r = s.result();
            h.append(String.format(
                    Locale.ROOT,
                    "<tr><td>%s</td><td>%.1f</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
                            + "<td>%s</td><td>%d</td><td>%s</td></tr>%n",
                    escape(r.label()),
                    r.ordersPerSecond(),
                    num(r.post().getValueAtPercentile(50)),
                    num(r.post().getValueAtPercentile(99)),
                    num(r.endToEnd().getValueAtPercentile(50)),
                    num(r.endToEnd().getValueAtPercentile(95)),
                    num(r.endToEnd().getValueAtPercentile(99)),
                    num(r.endToEnd().getMaxValue()),
                    r.errorCount(),
                    escape(s.verdict())));
        }
        h.append("</table>\n<p>Latencies in ms. POST: from the order's scheduled send time to its 201. End to end: "
                + "from the same moment to its OrderPaid or PaymentFailed on the bench's consumer of topic payment."
                + "</p>\n</body></html>\n");
        return h.toString();
    }

    private static final int W = 960;
    private static final int H = 360;
    private static final int L = 60;
    private static final int R = 20;
    private static final int T = 20;
    private static final int B = 40;

    private static String latencyPlot(List<double[]> points, List<Object[]> marks, Run run) {
        double xmax = points.isEmpty() ? 1 : Math.max(1, points.getLast()[0]);
        double ymax = 1;
        double ymin = 1e9;
        for (double[] p : points) {
            for (int i = 1; i <= 4; i++) {
                if (p[i] > 0) {
                    ymax = Math.max(ymax, p[i]);
                    ymin = Math.min(ymin, p[i]);
                }
            }
        }
        double lo = Math.pow(10, Math.floor(Math.log10(Math.min(ymin, 1))));
        double hi = Math.pow(10, Math.ceil(Math.log10(Math.max(ymax, 10))));
        double logLo = Math.log10(lo);
        double logHi = Math.log10(hi);
        java.util.function.DoubleUnaryOperator x = v -> L + v / xmax * (W - L - R);
        java.util.function.DoubleUnaryOperator y =
                v -> T + (1 - (Math.log10(Math.max(v, lo)) - logLo) / (logHi - logLo)) * (H - T - B);
        StringBuilder s = svgStart();
        for (double d = lo; d <= hi * 1.0001; d *= 10) {
            double yy = y.applyAsDouble(d);
            s.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\">%s ms</text>%n",
                    L,
                    W - R,
                    yy,
                    yy,
                    L - 4,
                    yy + 4,
                    d >= 1 ? String.valueOf((long) d) : String.valueOf(d)));
        }
        if (run.options().preset() == BenchOptions.Preset.THROUGHPUT) {
            double yy = y.applyAsDouble(run.options().threshold().toMillis());
            s.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c00\" stroke-dasharray=\"2 4\"/>%n",
                    L,
                    W - R,
                    yy,
                    yy));
        }
        marksAndAxis(s, marks, x);
        polyline(s, points, 3, x, y, "#1f77b4", "");
        polyline(s, points, 4, x, y, "#d62728", "");
        polyline(s, points, 1, x, y, "#999", "4 3");
        polyline(s, points, 2, x, y, "#ff7f0e", "4 3");
        legend(s, new String[] {"end-to-end p50", "end-to-end p99", "POST p50", "POST p99"}, new String[] {
            "#1f77b4", "#d62728", "#999", "#ff7f0e"
        });
        return s.append("</svg>\n").toString();
    }

    private static String ratePlot(List<double[]> points, List<Object[]> marks) {
        double xmax = points.isEmpty() ? 1 : Math.max(1, points.getLast()[0]);
        double ymax = 10;
        for (double[] p : points) {
            ymax = Math.max(ymax, Math.max(p[5], p[6]));
        }
        double top = niceCeiling(ymax);
        java.util.function.DoubleUnaryOperator x = v -> L + v / xmax * (W - L - R);
        java.util.function.DoubleUnaryOperator y = v -> T + (1 - v / top) * (H - T - B);
        StringBuilder s = svgStart();
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            double yy = y.applyAsDouble(v);
            s.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\">%.0f</text>%n",
                    L,
                    W - R,
                    yy,
                    yy,
                    L - 4,
                    yy + 4,
                    v));
        }
        marksAndAxis(s, marks, x);
        polyline(s, points, 5, x, y, "#999", "4 3");
        polyline(s, points, 6, x, y, "#2ca02c", "");
        legend(s, new String[] {"scheduled", "completed"}, new String[] {"#999", "#2ca02c"});
        return s.append("</svg>\n").toString();
    }

    private static StringBuilder svgStart() {
        return new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"system-ui,sans-serif\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>%n",
                W,
                H,
                W,
                H));
    }

    private static void marksAndAxis(StringBuilder s, List<Object[]> marks, java.util.function.DoubleUnaryOperator x) {
        for (Object[] mark : marks) {
            double xx = x.applyAsDouble(((Integer) mark[0]).doubleValue());
            s.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#bbb\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#555\">%s</text>%n",
                    xx,
                    xx,
                    T,
                    H - B,
                    xx + 3,
                    H - B + 14,
                    escape((String) mark[1])));
        }
        s.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#333\"/>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">seconds (steps marked)</text>%n",
                L,
                W - R,
                H - B,
                H - B,
                W - R,
                H - 6));
    }

    private static void polyline(
            StringBuilder s,
            List<double[]> points,
            int index,
            java.util.function.DoubleUnaryOperator x,
            java.util.function.DoubleUnaryOperator y,
            String color,
            String dash) {
        StringBuilder path = new StringBuilder();
        double lastX = Double.NaN;
        for (double[] p : points) {
            if (p[index] <= 0 && index <= 4) {
                continue;
            }
            boolean gap = !Double.isNaN(lastX) && p[0] - lastX > 1.5;
            path.append(path.isEmpty() || gap ? "M" : "L")
                    .append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(p[0]), y.applyAsDouble(p[index])));
            lastX = p[0];
        }
        if (!path.isEmpty()) {
            s.append("<path fill=\"none\" stroke=\"")
                    .append(color)
                    .append("\" stroke-width=\"1.5\"")
                    .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"")
                    .append(" d=\"")
                    .append(path.toString().trim())
                    .append("\"/>\n");
        }
    }

    private static void legend(StringBuilder s, String[] names, String[] colors) {
        for (int i = 0; i < names.length; i++) {
            int xx = L + 10 + i * 150;
            s.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"3\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n",
                    xx,
                    T + 4,
                    colors[i],
                    xx + 18,
                    T + 9,
                    names[i]));
        }
    }

    private static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
