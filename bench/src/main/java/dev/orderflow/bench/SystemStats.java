package dev.orderflow.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderflow.events.Topics;
import java.io.IOException;
import java.nio.file.DirectoryStream;
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
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * What the machine did during a step, from counters read before and after it: CPU time of each process of the stack
 * (from {@code .stack/pids} and PostgreSQL's postmaster, each with its child processes) and of the bench itself, the
 * machine's busy CPU, PostgreSQL's committed transactions and WAL flushes, and the records written to the suite's
 * topics. Each figure is best effort: what cannot be read is left out.
 */
final class SystemStats implements AutoCloseable {

    private final Path stackDir;
    private final String jdbcUrl;
    private final String dbUser;
    private final String dbPassword;
    private final Admin admin;
    private final double ticksPerSecond = Double.parseDouble(System.getProperty("bench.clktck", "100"));
    private Connection connection;

    SystemStats(Path stackDir, String jdbcUrl, String dbUser, String dbPassword, String bootstrapServers) {
        this.stackDir = stackDir;
        this.jdbcUrl = jdbcUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        Properties props = KafkaClients.config(bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "bench-stats");
        this.admin = Admin.create(props);
    }

    /** Counters at one moment; -1 where unknown. CPU in clock ticks. */
    record Snapshot(
            long nanos,
            Map<String, Long> cpuTicks,
            long machineBusy,
            long machineTotal,
            long pgCommits,
            long walSyncs,
            long kafkaRecords) {}

    Snapshot take() {
        long nanos = System.nanoTime();
        long[] machine = machineTicks();
        long[] pg = postgres();
        return new Snapshot(nanos, processTicks(), machine[0], machine[1], pg[0], pg[1], kafkaRecords());
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
            Double kafkaRecordsPerOrder) {

        static final Figures NONE = new Figures(0, null, null, Map.of(), null, null, null, null, null);
    }

    /** The step between two snapshots, for the report; {@code orders} made final in it. */
    Figures between(Snapshot a, Snapshot b, long orders) {
        double seconds = (b.nanos() - a.nanos()) / 1e9;
        Double busy = null;
        if (a.machineTotal() > 0 && b.machineTotal() > a.machineTotal()) {
            busy = Limits.round(100.0 * (b.machineBusy() - a.machineBusy()) / (b.machineTotal() - a.machineTotal()));
        }
        Map<String, Double> cpu = new LinkedHashMap<>();
        b.cpuTicks().forEach((name, ticks) -> {
            Long before = a.cpuTicks().get(name);
            if (before != null && seconds > 0) {
                cpu.put(name, Limits.round((ticks - before) / ticksPerSecond / seconds * 100));
            }
        });
        int cpus = Runtime.getRuntime().availableProcessors();
        if (busy != null && !cpu.isEmpty()) {
            double known =
                    cpu.values().stream().mapToDouble(Double::doubleValue).sum();
            cpu.put("others", Limits.round(Math.max(0, busy * cpus - known)));
        }
        boolean pg = a.pgCommits() >= 0 && b.pgCommits() >= 0;
        boolean wal = a.walSyncs() >= 0 && b.walSyncs() >= 0;
        boolean kafka = a.kafkaRecords() >= 0 && b.kafkaRecords() >= 0;
        long commits = b.pgCommits() - a.pgCommits();
        long records = b.kafkaRecords() - a.kafkaRecords();
        return new Figures(
                Limits.round(seconds),
                busy,
                busy == null ? null : cpus,
                cpu,
                pg ? Limits.round(commits / seconds) : null,
                pg && orders > 0 ? Limits.round(commits / (double) orders) : null,
                wal ? Limits.round((b.walSyncs() - a.walSyncs()) / seconds) : null,
                kafka ? Limits.round(records / seconds) : null,
                kafka && orders > 0 ? Limits.round(records / (double) orders) : null);
    }

    /** CPU ticks per named process tree: each stack process with its descendants, PostgreSQL, and the bench. */
    private Map<String, Long> processTicks() {
        Map<Long, String> roots = new HashMap<>();
        Path pids = stackDir.resolve("pids");
        if (Files.isDirectory(pids)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(pids, "*.pid")) {
                for (Path file : files) {
                    String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                    readPid(file).ifPresent(pid -> roots.put(pid, name.equals("postgres") ? "postgres-jvm" : name));
                }
            } catch (IOException e) {
                // no per-process figures
            }
        }
        readPid(stackDir.resolve("data/postgres/postmaster.pid")).ifPresent(pid -> roots.put(pid, "postgresql"));
        roots.put(ProcessHandle.current().pid(), "bench");
        Map<Long, long[]> procs = new HashMap<>(); // pid -> {ppid, ticks}
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : dirs) {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // after "pid (comm) ": state ppid ... utime(14th field overall = f[11]) stime(f[12])
                    procs.put(
                            Long.parseLong(dir.getFileName().toString()),
                            new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])});
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, Long> ticks = new TreeMap<>();
        roots.values().forEach(name -> ticks.put(name, 0L));
        for (Map.Entry<Long, long[]> p : procs.entrySet()) {
            long pid = p.getKey();
            for (int depth = 0; depth < 64 && pid > 1; depth++) {
                String root = roots.get(pid);
                if (root != null) {
                    ticks.merge(root, p.getValue()[1], Long::sum);
                    break;
                }
                long[] parent = procs.get(pid);
                pid = parent == null ? 0 : parent[0];
            }
        }
        return ticks;
    }

    private static java.util.Optional<Long> readPid(Path file) {
        try {
            String first = Files.readAllLines(file).getFirst().replaceAll("[^0-9]", "");
            return first.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Long.parseLong(first));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
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
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    /** {committed transactions of the database, WAL syncs}; -1 when unknown. */
    private long[] postgres() {
        long commits = -1;
        long syncs = -1;
        try {
            if (connection == null || connection.isClosed()) {
                connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
                connection.setAutoCommit(true);
            }
            try (Statement s = connection.createStatement()) {
                // Statistics are flushed by backends about once a second; ask for a fresh view.
                s.execute("select pg_stat_clear_snapshot()");
                try (ResultSet rs =
                        s.executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
                    if (rs.next()) {
                        commits = rs.getLong(1);
                    }
                }
                try (ResultSet rs = s.executeQuery("select wal_sync from pg_stat_wal")) {
                    if (rs.next()) {
                        syncs = rs.getLong(1);
                    }
                } catch (SQLException e) {
                    // PostgreSQL 18 moved it to pg_stat_io
                }
            }
        } catch (SQLException e) {
            // no database figures
        }
        return new long[] {commits, syncs};
    }

    /** The sum of the end offsets of the suite's topics (those that exist): how many records they hold. */
    private long kafkaRecords() {
        try {
            var existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            var ours = Topics.ALL.stream().filter(existing::contains).toList();
            Map<String, TopicDescription> topics =
                    admin.describeTopics(ours).allTopicNames().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = topics.values().stream()
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
