package dev.orderflow.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory processes use, in kB: the proportional set size where Linux tells it (shared pages, like PostgreSQL's
 * shared buffers, split among the processes that share them), else the resident set size from ps.
 */
final class Memory {

    private static final Pattern PSS = Pattern.compile("(?m)^Pss:\\s+(\\d+)\\s+kB");

    private Memory() {}

    static long kilobytes(Collection<Long> pids) {
        if (pids.isEmpty()) {
            return 0;
        }
        if (Files.isReadable(Path.of("/proc/self/smaps_rollup"))) {
            long total = 0;
            for (long pid : pids) {
                try {
                    total += pssKilobytes(Files.readString(Path.of("/proc", Long.toString(pid), "smaps_rollup")));
                } catch (IOException e) {
                    // ended meanwhile, or not ours to read
                }
            }
            return total;
        }
        return residentKilobytes(pids);
    }

    /** The Pss lines of a smaps_rollup, added up. */
    static long pssKilobytes(String smapsRollup) {
        long total = 0;
        Matcher pss = PSS.matcher(smapsRollup);
        while (pss.find()) {
            total += Long.parseLong(pss.group(1));
        }
        return total;
    }

    private static long residentKilobytes(Collection<Long> pids) {
        List<String> command = List.of(
                "ps",
                "-o",
                "rss=",
                "-p",
                String.join(",", pids.stream().map(String::valueOf).toList()));
        try {
            Process ps = new ProcessBuilder(command).redirectErrorStream(false).start();
            String out = new String(ps.getInputStream().readAllBytes());
            ps.waitFor();
            return out.lines()
                    .map(String::strip)
                    .filter(line -> line.matches("\\d+"))
                    .mapToLong(Long::parseLong)
                    .sum();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
