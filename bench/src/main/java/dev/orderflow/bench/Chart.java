package dev.orderflow.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/** A line chart of per-second figures as inline SVG, with each step's start marked on the time axis. */
final class Chart {

    /** A line: one value per point of the chart's time axis. */
    record Line(String name, String color, boolean dashed, double[] values) {}

    /** Where a step starts on the time axis. */
    record Mark(double x, String label) {}

    private static final int W = 960;
    private static final int H = 360;
    private static final int L = 60;
    private static final int R = 20;
    private static final int T = 20;
    private static final int B = 40;

    private Chart() {}

    /**
     * Latencies in milliseconds on a log scale, by decade; a value of 0 (nothing measured that second) leaves a gap.
     * {@code threshold}, when not null, is drawn as a dashed red line.
     */
    static String log(double[] xs, List<Mark> marks, List<Line> lines, Double threshold) {
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
        if (threshold != null) {
            double yy = y.applyAsDouble(threshold);
            s.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c00\" stroke-dasharray=\"2 4\"/>%n",
                    L,
                    W - R,
                    yy,
                    yy));
        }
        return finish(s, xs, marks, lines, y, true);
    }

    /** Counts per second on a linear scale from 0. */
    static String linear(double[] xs, List<Mark> marks, List<Line> lines) {
        double ymax = 10;
        for (Line line : lines) {
            for (double v : line.values()) {
                ymax = Math.max(ymax, v);
            }
        }
        double top = niceCeiling(ymax);
        DoubleUnaryOperator y = v -> T + (1 - v / top) * (H - T - B);
        StringBuilder s = start();
        for (int i = 0; i <= 4; i++) {
            grid(s, y.applyAsDouble(top * i / 4), String.format(Locale.ROOT, "%.0f", top * i / 4));
        }
        return finish(s, xs, marks, lines, y, false);
    }

    private static StringBuilder start() {
        return new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"system-ui,sans-serif\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>%n",
                W,
                H,
                W,
                H));
    }

    private static void grid(StringBuilder s, double yy, String label) {
        s.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                        + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\">%s</text>%n",
                L,
                W - R,
                yy,
                yy,
                L - 4,
                yy + 4,
                label));
    }

    /** The step marks, the time axis, the lines (a gap where a second is missing) and their legend. */
    private static String finish(
            StringBuilder s,
            double[] xs,
            List<Mark> marks,
            List<Line> lines,
            DoubleUnaryOperator y,
            boolean skipZeros) {
        double xmax = xs.length == 0 ? 1 : Math.max(1, xs[xs.length - 1]);
        DoubleUnaryOperator x = v -> L + v / xmax * (W - L - R);
        for (Mark mark : marks) {
            double xx = x.applyAsDouble(mark.x());
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
                    Report.escape(mark.label())));
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
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            StringBuilder path = new StringBuilder();
            double lastX = Double.NaN;
            for (int p = 0; p < xs.length; p++) {
                if (skipZeros && line.values()[p] <= 0) {
                    continue;
                }
                boolean gap = !Double.isNaN(lastX) && xs[p] - lastX > 1.5;
                path.append(path.isEmpty() || gap ? "M" : "L")
                        .append(String.format(
                                Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(xs[p]), y.applyAsDouble(line.values()[p])));
                lastX = xs[p];
            }
            if (!path.isEmpty()) {
                s.append(String.format(
                        "<path fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"%s d=\"%s\"/>%n",
                        line.color(),
                        line.dashed() ? " stroke-dasharray=\"4 3\"" : "",
                        path.toString().trim()));
            }
            int xx = L + 10 + i * 135;
            s.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"3\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n",
                    xx,
                    T + 4,
                    line.color(),
                    xx + 18,
                    T + 9,
                    line.name()));
        }
        return s.append("</svg>\n").toString();
    }

    private static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
