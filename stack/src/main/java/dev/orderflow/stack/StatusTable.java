package dev.orderflow.stack;

import java.util.List;

/** The table {@code up} and {@code status} print: what runs, with health, address, pid, memory and log. */
final class StatusTable {

    private static final String FORMAT = "%-22s %-9s %-8s %-44s %-8s %7s  %s";

    /** One part of the stack; {@code kilobytes} and {@code pid} count only when it runs. */
    record Row(String name, boolean running, String health, String url, long pid, long kilobytes, String log) {

        static Row stopped(String name, String url, String log) {
            return new Row(name, false, "-", url, 0, 0, log);
        }
    }

    private StatusTable() {}

    /**
     * The table's lines: a header, a row per part (with {@code externalPostgres}, the URL of a PostgreSQL that is not
     * the stack's, in place of a postgres row when it is not null), and the total memory of what runs.
     */
    static List<String> lines(List<Row> rows, Terminal terminal) {
        var lines = new java.util.ArrayList<String>();
        lines.add(terminal.bold(FORMAT.formatted("NAME", "STATE", "HEALTH", "URL", "PID", "MEMORY", "LOG")));
        long total = 0;
        for (Row row : rows) {
            if (row.running()) {
                total += row.kilobytes();
            }
            lines.add(line(row, terminal));
        }
        if (total > 0) {
            lines.add("%-94s%7s".formatted("total memory (proportional set size)", megabytes(total)));
        }
        return lines;
    }

    static String external(String url) {
        return FORMAT.formatted("postgres", "external", "-", url, "-", "-", "");
    }

    private static String line(Row row, Terminal terminal) {
        if (row.name().equals("postgres") && row.health().equals("external")) {
            return external(row.url());
        }
        String health = row.health().equals("UP") ? terminal.green(row.health()) : terminal.red(row.health());
        String padded = health + " ".repeat(Math.max(0, 8 - row.health().length()));
        return FORMAT.formatted(
                row.name(),
                row.running() ? "running" : "stopped",
                padded,
                row.url(),
                row.running() ? Long.toString(row.pid()) : "-",
                row.running() ? megabytes(row.kilobytes()) : "-",
                row.log());
    }

    private static String megabytes(long kilobytes) {
        return (kilobytes / 1024) + " MB";
    }
}
