package dev.orderflow.fulfillment.console;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Small line charts as inline SVG, drawn on the server: no script, nothing to load. */
final class Charts {

    static final int WIDTH = 360;
    static final int HEIGHT = 80;

    private Charts() {}

    /**
     * A line through the values, oldest left; a missing value breaks the line. The top of the chart is the largest
     * value, written beside it with the unit.
     */
    static String line(List<@Nullable Double> values, String unit) {
        double max = 0;
        for (Double value : values) {
            if (value != null) {
                max = Math.max(max, value);
            }
        }
        double top = max == 0 ? 1 : max;
        double step = values.size() > 1 ? (double) (WIDTH - 8) / (values.size() - 1) : 0;
        StringBuilder lines = new StringBuilder();
        StringBuilder segment = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            Double value = values.get(i);
            if (value == null) {
                flush(lines, segment);
                continue;
            }
            double x = 4 + i * step;
            double y = HEIGHT - 4 - (value / top) * (HEIGHT - 8);
            segment.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        flush(lines, segment);
        return "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT
                + "\" width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\" role=\"img\">"
                + "<line x1=\"0\" y1=\"" + (HEIGHT - 4) + "\" x2=\"" + WIDTH + "\" y2=\"" + (HEIGHT - 4)
                + "\" stroke=\"#ccc\"/>" + lines
                + "<text x=\"4\" y=\"12\" font-size=\"11\" fill=\"#555\">max "
                + String.format(Locale.ROOT, "%.1f", max) + " " + unit + "</text></svg>";
    }

    private static void flush(StringBuilder lines, StringBuilder segment) {
        if (segment.isEmpty()) {
            return;
        }
        String points = segment.toString().strip();
        lines.append(
                points.contains(" ")
                        ? "<polyline fill=\"none\" stroke=\"#2a6fdb\" stroke-width=\"2\" points=\"" + points + "\"/>"
                        : "<circle r=\"2\" fill=\"#2a6fdb\" cx=\"" + points.split(",")[0] + "\" cy=\""
                                + points.split(",")[1] + "\"/>");
        segment.setLength(0);
    }
}
