package dev.orderflow.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderflow.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * What the machine did during a step, from counters read before and after it: CPU time of each process of the stack
 * (from {@code .stack/pids} and PostgreSQL's postmaster, each with its child processes) and of the bench itself, the
 * machine's busy CPU, PostgreSQL's committed transactions and WAL flushes, and the records written to the suite's
 * topics. Each figure is best effort: what cannot be read is left out.
 */
final class SystemStats implements AutoCloseable {

    private final BenchOptions options;
    private final Admin admin;
    private Connection connection;

    SystemStats(BenchOptions options) {
        this.options = options;
        this.admin = Admin.create(Suite.kafkaConfig(options.bootstrapServers()));
    }

    /** Counters at one moment; -1 where unknown. CPU time in nanoseconds, the machine's in clock ticks. */
    record Snapshot(
            long nanos, long[] machine, long pgCommits, long walSyncs, Map<String, Long> cpuNanos, long kafkaRecords) {}

    Snapshot take() {
        return new Snapshot(
                System.nanoTime(),
                machineTicks(),
                postgres("select xact_commit from pg_stat_database where datname = current_database()"),
                // PostgreSQL 18 moved it to pg_stat_io: unknown there
                postgres("select wal_sync from pg_stat_wal"),
                processCpu(),
                kafkaRecords());
    }

    /**
     * What the machine did during a step; {@code null} where unknown. CPU in percent of one core per process tree, with
     * {@code others} for whatever else ran meanwhile (other builds, the kernel's own threads).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Figures(
            double seconds,
            Double machineCpuBusyPercent,
            Integer cpus,
            Map<String, Double> cpuPercentOfOneCore,
            Double pgCommitsPerSecond,
            Double pgCommitsPerOrder,
            Double pgWalSyncsPerSecond,
            Double kafkaRecordsPerSecond,
            Double kafkaRecordsPerOrder) {}

    /** The step between two snapshots, for the report; {@code orders} made final in it. */
    Figures between(Snapshot a, Snapshot b, long orders) {
        double seconds = (b.nanos() - a.nanos()) / 1e9;
        Double busy = a.machine()[1] > 0 && b.machine()[1] > a.machine()[1]
                ? StepResult.round(100.0 * (b.machine()[0] - a.machine()[0]) / (b.machine()[1] - a.machine()[1]))
                : null;
        Map<String, Double> cpu = new LinkedHashMap<>();
        b.cpuNanos().forEach((name, nanos) -> {
            Long before = a.cpuNanos().get(name);
            if (before != null && seconds > 0) {
                cpu.put(name, StepResult.round((nanos - before) / 1e9 / seconds * 100));
            }
        });
        int cpus = Runtime.getRuntime().availableProcessors();
        if (busy != null && !cpu.isEmpty()) {
            double known =
                    cpu.values().stream().mapToDouble(Double::doubleValue).sum();
            cpu.put("others", StepResult.round(Math.max(0, busy * cpus - known)));
        }
        return new Figures(
                StepResult.round(seconds),
                busy,
                busy == null ? null : cpus,
                cpu,
                per(a.pgCommits(), b.pgCommits(), seconds),
                per(a.pgCommits(), b.pgCommits(), orders),
                per(a.walSyncs(), b.walSyncs(), seconds),
                per(a.kafkaRecords(), b.kafkaRecords(), seconds),
                per(a.kafkaRecords(), b.kafkaRecords(), orders));
    }

    /** How much a counter grew per unit, rounded; null when either reading is unknown or there are no units. */
    private static Double per(long before, long after, double units) {
        return before < 0 || after < 0 || units <= 0 ? null : StepResult.round((after - before) / units);
    }

    /**
     * CPU time per named process tree: each stack process, PostgreSQL's postmaster and the bench, each with those of
     * its descendants that are not in another's tree.
     */
    private Map<String, Long> processCpu() {
        Map<Long, String> roots = new HashMap<>();
        try (Stream<Path> files = Files.list(options.stackDir().resolve("pids"))) {
            files.filter(file -> file.toString().endsWith(".pid")).forEach(file -> {
                String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                roots.put(readPid(file), name.equals("postgres") ? "postgres-jvm" : name);
            });
        } catch (IOException e) {
            // no stack processes, e.g. a suite on Docker
        }
        roots.put(readPid(options.stackDir().resolve("data/postgres/postmaster.pid")), "postgresql");
        roots.put(ProcessHandle.current().pid(), "bench");
        roots.remove(0L);
        Map<String, Long> cpu = new TreeMap<>();
        roots.values().forEach(name -> cpu.put(name, 0L));
        ProcessHandle.allProcesses().forEach(p -> tree(p, roots, 0)
                .ifPresent(name ->
                        p.info().totalCpuDuration().ifPresent(time -> cpu.merge(name, time.toNanos(), Long::sum))));
        return cpu;
    }

    /** The name of the nearest of {@code roots} that is the process or one of its ancestors. */
    private static Optional<String> tree(ProcessHandle p, Map<Long, String> roots, int depth) {
        return roots.containsKey(p.pid())
                ? Optional.of(roots.get(p.pid()))
                : depth < 63 ? p.parent().flatMap(parent -> tree(parent, roots, depth + 1)) : Optional.empty();
    }

    /** The pid on a pid file's first line, 0 when there is none. */
    private static long readPid(Path file) {
        try {
            String first = Files.readAllLines(file).getFirst().replaceAll("[^0-9]", "");
            return first.isEmpty() ? 0 : Long.parseLong(first);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * Waits until the machine's CPUs are less than {@code busy} busy over a second (a suite that has just started is
     * still compiling), at most {@code timeout}.
     *
     * @return how busy the CPUs were over the last second, 0 to 1; 0 when unknown
     */
    static double awaitQuiet(double busy, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        double last = 0;
        long[] before = machineTicks();
        while (before[1] > 0) {
            Thread.sleep(1000);
            long[] after = machineTicks();
            last = after[1] > before[1] ? (double) (after[0] - before[0]) / (after[1] - before[1]) : 0;
            if (last < busy || System.nanoTime() - deadline > 0) {
                break;
            }
            before = after;
        }
        return last;
    }

    /** {busy, total} ticks of all CPUs, from /proc/stat. */
    private static long[] machineTicks() {
        try {
            String[] f =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {total - Long.parseLong(f[4]) - Long.parseLong(f[5]), total};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    /** A counter of PostgreSQL's statistics; -1 when unknown. */
    private long postgres(String query) {
        try {
            if (connection == null || connection.isClosed()) {
                connection = DriverManager.getConnection(options.jdbcUrl(), options.dbUser(), options.dbPassword());
            }
            try (Statement s = connection.createStatement()) {
                // Statistics are flushed by backends about once a second; ask for a fresh view.
                s.execute("select pg_stat_clear_snapshot()");
                try (ResultSet rs = s.executeQuery(query)) {
                    return rs.next() ? rs.getLong(1) : -1;
                }
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    /** The sum of the end offsets of the suite's topics (those that exist): how many records they hold. */
    private long kafkaRecords() {
        try {
            var existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            var ours = Topics.ALL.stream().filter(existing::contains).toList();
            Map<TopicPartition, OffsetSpec> request =
                    admin.describeTopics(ours).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                            .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                            .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset())
                    .sum();
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // closing anyway
        }
    }
}
