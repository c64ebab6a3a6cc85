package dev.orderflow.bench;

import static dev.orderflow.bench.Report.format;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;

/**
 * The per-second figures of a run's steps as inline SVG line charts, one after the other on a time axis with each
 * step's start marked and a gap between steps.
 */
final class Chart {

    private record Line(String name, String color, boolean dashed, ToDoubleFunction<StepResult.Second> value) {}

    private static final int W = 960, H = 360, L = 60, R = 20, T = 20, B = 40;

    private final Report.Run run;
    private final List<Line> lines;
    private final List<StepResult.Second> seconds = new ArrayList<>();
    private final List<Double> xs = new ArrayList<>();
    private final List<Integer> starts = new ArrayList<>();
    private final double xmax;
    private final StringBuilder svg = new StringBuilder(format(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                    + " font-family=\"system-ui,sans-serif\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>%n",
            W, H, W, H));

    private Chart(Report.Run run, List<Line> lines) {
        this.run = run;
        this.lines = lines;
        int offset = 0;
        for (Report.Step step : run.steps()) {
            starts.add(offset);
            List<StepResult.Second> series = step.result().series();
            series.forEach(s -> xs.add((double) starts.getLast() + s.second()));
            seconds.addAll(series);
            offset += (series.isEmpty() ? 0 : series.getLast().second()) + 2;
        }
        xmax = xs.isEmpty() ? 1 : Math.max(1, xs.getLast());
    }

    /**
     * Latencies in milliseconds on a log scale, by decade; a second without any leaves a gap. The throughput preset's
     * p99 threshold is a dashed red line.
     */
    static String latencies(Report.Run run) {
        List<Line> lines = new ArrayList<>(List.of(
                new Line("end-to-end p50", "#1f77b4", false, StepResult.Second::endToEndP50Ms),
                new Line("end-to-end p99", "#d62728", false, StepResult.Second::endToEndP99Ms),
                new Line("POST p50", "#999", true, StepResult.Second::postP50Ms),
                new Line("POST p99", "#ff7f0e", true, StepResult.Second::postP99Ms)));
        if (run.steps().stream().anyMatch(s -> s.result().dispatchMeasured())) {
            lines.add(new Line("dispatched p50", "#9467bd", false, StepResult.Second::dispatchP50Ms));
            lines.add(new Line("dispatched p99", "#8c564b", false, StepResult.Second::dispatchP99Ms));
        }
        Chart c = new Chart(run, lines);
        var positive = c.values().filter(v -> v > 0).summaryStatistics();
        double lo = Math.pow(10, Math.floor(Math.log10(Math.min(positive.getMin(), 1))));
        double hi = Math.pow(10, Math.ceil(Math.log10(Math.max(positive.getMax(), 10))));
        DoubleUnaryOperator y = v -> T
                + (1 - (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)))
                        * (H - T - B);
        for (double d = lo; d <= hi * 1.0001; d *= 10) {
            c.grid(y.applyAsDouble(d), (d >= 1 ? String.valueOf((long) d) : String.valueOf(d)) + " ms");
        }
        if (run.options().throughput()) {
            double yy = y.applyAsDouble(run.options().threshold().toMillis());
            c.svg.append(format(
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c00\" stroke-dasharray=\"2 4\"/>%n",
                    L, W - R, yy, yy));
        }
        return c.finish(y, true);
    }

    /** Orders scheduled and completed per second, on a linear scale from 0 to a round number. */
    static String rates(Report.Run run) {
        Chart c = new Chart(
                run,
                List.of(
                        new Line("scheduled", "#999", true, StepResult.Second::sent),
                        new Line("completed", "#2ca02c", false, StepResult.Second::completed)));
        double ymax = Math.max(10, c.values().max().orElse(0));
        double magnitude = Math.pow(10, Math.floor(Math.log10(ymax)));
        double top = 10 * magnitude;
        for (double step : new double[] {5, 2.5, 2, 1}) {
            top = step * magnitude >= ymax ? step * magnitude : top;
        }
        double max = top;
        DoubleUnaryOperator y = v -> T + (1 - v / max) * (H - T - B);
        for (int i = 0; i <= 4; i++) {
            c.grid(y.applyAsDouble(top * i / 4), format("%.0f", top * i / 4));
        }
        return c.finish(y, false);
    }

    private DoubleStream values() {
        return lines.stream().flatMapToDouble(line -> seconds.stream().mapToDouble(line.value()));
    }

    private double x(double v) {
        return L + v / xmax * (W - L - R);
    }

    private void grid(double yy, String label) {
        svg.append(format(
                "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                        + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\">%s</text>%n",
                L, W - R, yy, yy, L - 4, yy + 4, label));
    }

    /** The step marks, the time axis, the lines (a gap where a second is missing) and their legend. */
    private String finish(DoubleUnaryOperator y, boolean skipZeros) {
        for (int i = 0; i < starts.size(); i++) {
            double xx = x(starts.get(i));
            String label = Report.escape(run.steps().get(i).result().label());
            svg.append(format(
                    "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#bbb\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#555\">%s</text>%n",
                    xx, xx, T, H - B, xx + 3, H - B + 14, label));
        }
        svg.append(format(
                "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#333\"/><text x=\"%d\" y=\"%d\""
                        + " font-size=\"11\" text-anchor=\"end\">seconds (steps marked)</text>%n",
                L, W - R, H - B, H - B, W - R, H - 6));
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            StringBuilder path = new StringBuilder();
            double lastX = Double.NaN;
            for (int p = 0; p < xs.size(); p++) {
                double v = line.value().applyAsDouble(seconds.get(p));
                if (!skipZeros || v > 0) {
                    boolean gap = !Double.isNaN(lastX) && xs.get(p) - lastX > 1.5;
                    path.append(path.isEmpty() || gap ? "M" : "L")
                            .append(format("%.1f,%.1f ", x(xs.get(p)), y.applyAsDouble(v)));
                    lastX = xs.get(p);
                }
            }
            if (!path.isEmpty()) {
                svg.append(format(
                        "<path fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"%s d=\"%s\"/>%n",
                        line.color(),
                        line.dashed() ? " stroke-dasharray=\"4 3\"" : "",
                        path.toString().trim()));
            }
            int xx = L + 10 + i * 135;
            svg.append(format(
                    "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"3\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n",
                    xx, T + 4, line.color(), xx + 18, T + 9, line.name()));
        }
        return svg.append("</svg>\n").toString();
    }
}
