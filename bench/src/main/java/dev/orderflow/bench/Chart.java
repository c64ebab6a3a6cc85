package dev.orderflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * The per-second figures of a run's steps as inline SVG line charts, one after the other on a time axis with each
 * step's start marked and a gap between steps.
 */
final class Chart {

    private record Line(String name, String color, boolean dashed, double[] values) {}

    private static final int W = 960;
    private static final int H = 360;
    private static final int L = 60;
    private static final int R = 20;
    private static final int T = 20;
    private static final int B = 40;

    private final List<StepResult.Second> seconds = new ArrayList<>();
    private final List<Double> xs = new ArrayList<>();
    private final StringBuilder marks = new StringBuilder();
    private final double xmax;

    private Chart(Report.Run run) {
        List<Double> starts = new ArrayList<>();
        int offset = 0;
        for (Report.Step s : run.steps()) {
            starts.add((double) offset);
            int last = 0;
            for (StepResult.Second second : s.result().series()) {
                xs.add((double) offset + second.second());
                seconds.add(second);
                last = second.second();
            }
            offset += last + 2;
        }
        xmax = xs.isEmpty() ? 1 : Math.max(1, xs.getLast());
        for (int i = 0; i < starts.size(); i++) {
            double xx = x(starts.get(i));
            marks.append(Report.format(
                    "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#bbb\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#555\">%s</text>%n",
                    xx,
                    xx,
                    T,
                    H - B,
                    xx + 3,
                    H - B + 14,
                    Report.escape(run.steps().get(i).result().label())));
        }
    }

    /**
     * Latencies in milliseconds on a log scale, by decade; a second without any leaves a gap. The throughput preset's
     * p99 threshold is a dashed red line.
     */
    static String latencies(Report.Run run) {
        Chart c = new Chart(run);
        List<Line> lines = new ArrayList<>(List.of(
                c.line("end-to-end p50", "#1f77b4", false, StepResult.Second::endToEndP50Ms),
                c.line("end-to-end p99", "#d62728", false, StepResult.Second::endToEndP99Ms),
                c.line("POST p50", "#999", true, StepResult.Second::postP50Ms),
                c.line("POST p99", "#ff7f0e", true, StepResult.Second::postP99Ms)));
        if (run.steps().stream().anyMatch(s -> s.result().dispatchMeasured())) {
            lines.add(c.line("dispatched p50", "#9467bd", false, StepResult.Second::dispatchP50Ms));
            lines.add(c.line("dispatched p99", "#8c564b", false, StepResult.Second::dispatchP99Ms));
        }
        double ymin = 1e9;
        double ymax = 1;
        for (Line line : lines) {
            for (double v : line.values()) {
                if (v > 0) {
                    ymin = Math.min(ymin, v);
                    ymax = Math.max(ymax, v);
                }
            }
        }
        double lo = Math.pow(10, Math.floor(Math.log10(Math.min(ymin, 1))));
        double hi = Math.pow(10, Math.ceil(Math.log10(Math.max(ymax, 10))));
        DoubleUnaryOperator y = v -> T
                + (1 - (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)))
                        * (H - T - B);
        StringBuilder s = start();
        for (double d = lo; d <= hi * 1.0001; d *= 10) {
            grid(s, y.applyAsDouble(d), (d >= 1 ? String.valueOf((long) d) : String.valueOf(d)) + " ms");
        }
        if (run.options().throughput()) {
            double yy = y.applyAsDouble(run.options().threshold().toMillis());
            s.append(Report.format(
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c00\" stroke-dasharray=\"2 4\"/>%n",
                    L, W - R, yy, yy));
        }
        return c.finish(s, lines, y, true);
    }

    /** Orders scheduled and completed per second, on a linear scale from 0. */
    static String rates(Report.Run run) {
        Chart c = new Chart(run);
        List<Line> lines = List.of(
                c.line("scheduled", "#999", true, StepResult.Second::sent),
                c.line("completed", "#2ca02c", false, StepResult.Second::completed));
        double ymax = 10;
        for (Line line : lines) {
            for (double v : line.values()) {
                ymax = Math.max(ymax, v);
            }
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(ymax)));
        double top = 10 * magnitude;
        for (double step : new double[] {5, 2.5, 2, 1}) {
            top = step * magnitude >= ymax ? step * magnitude : top;
        }
        double max = top;
        DoubleUnaryOperator y = v -> T + (1 - v / max) * (H - T - B);
        StringBuilder s = start();
        for (int i = 0; i <= 4; i++) {
            grid(s, y.applyAsDouble(top * i / 4), Report.format("%.0f", top * i / 4));
        }
        return c.finish(s, lines, y, false);
    }

    private Line line(String name, String color, boolean dashed, ToDoubleFunction<StepResult.Second> value) {
        return new Line(name, color, dashed, seconds.stream().mapToDouble(value).toArray());
    }

    private double x(double v) {
        return L + v / xmax * (W - L - R);
    }

    private static StringBuilder start() {
        return new StringBuilder(Report.format(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"system-ui,sans-serif\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>%n",
                W, H, W, H));
    }

    private static void grid(StringBuilder s, double yy, String label) {
        s.append(Report.format(
                "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                        + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\">%s</text>%n",
                L, W - R, yy, yy, L - 4, yy + 4, label));
    }

    /** The step marks, the time axis, the lines (a gap where a second is missing) and their legend. */
    private String finish(StringBuilder s, List<Line> lines, DoubleUnaryOperator y, boolean skipZeros) {
        s.append(marks)
                .append(Report.format(
                        "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#333\"/><text x=\"%d\" y=\"%d\""
                                + " font-size=\"11\" text-anchor=\"end\">seconds (steps marked)</text>%n",
                        L, W - R, H - B, H - B, W - R, H - 6));
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            StringBuilder path = new StringBuilder();
            double lastX = Double.NaN;
            for (int p = 0; p < xs.size(); p++) {
                if (skipZeros && line.values()[p] <= 0) {
                    continue;
                }
                boolean gap = !Double.isNaN(lastX) && xs.get(p) - lastX > 1.5;
                path.append(path.isEmpty() || gap ? "M" : "L")
                        .append(Report.format("%.1f,%.1f ", x(xs.get(p)), y.applyAsDouble(line.values()[p])));
                lastX = xs.get(p);
            }
            if (!path.isEmpty()) {
                s.append(String.format(
                        "<path fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"%s d=\"%s\"/>%n",
                        line.color(),
                        line.dashed() ? " stroke-dasharray=\"4 3\"" : "",
                        path.toString().trim()));
            }
            int xx = L + 10 + i * 135;
            s.append(Report.format(
                    "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"3\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n",
                    xx, T + 4, line.color(), xx + 18, T + 9, line.name()));
        }
        return s.append("</svg>\n").toString();
    }
}
