package dev.orderflow.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/bench}: measures the order saga end to end against a running suite, beside the machine's own limits.
 *
 * <ol>
 *   <li>Limits: PostgreSQL single-row insert transactions per second and Kafka's produce-to-consume round trip,
 *       against the suite's own servers, while the suite idles.
 *   <li>Setup: an account per customer ({@code bench-<run>-<i>}) with a deposit, each waited for until its
 *       {@code DepositAccepted} arrives on {@code payment}.
 *   <li>Load: orders spread over the customers, at a fixed rate (open model) or as fast as they complete (closed
 *       loop); each measured from its scheduled send to its 201, to its {@code OrderPaid}/{@code PaymentFailed}, and to
 *       its {@code OrderDispatched} on {@code fulfillment} when a fulfillment-service runs.
 *   <li>Results: a summary, {@code bench-results/<timestamp>-<preset>.json} and {@code .html}; the last line sums up.
 * </ol>
 *
 * Exit status: 0, or 1 when the harness or the suite is broken (setup failed, no order completed; for smoke and
 * latency also any error; for throughput when no step met the bar), 2 on bad usage.
 */
public final class Bench {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final BenchOptions options;
    private final PrintStream out;

    private Bench(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().equals("help")) {
                System.err.println("bin/bench: " + e.getMessage());
            }
            System.err.print(BenchOptions.USAGE);
            System.exit(e.getMessage().equals("help") ? 0 : 2);
            return;
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int status;
        try {
            status = new Bench(options, out).run();
        } catch (Exception e) {
            out.println("bench failed: " + e);
            e.printStackTrace(System.err);
            out.println("bench " + options.preset().label() + ": failed (" + e.getMessage() + ")");
            status = 1;
        }
        System.exit(status);
    }

    private int run() throws Exception {
        Instant started = Instant.now();
        String runId = STAMP.format(started);
        String prefix = "bench-" + runId + "-";
        Report.Conditions conditions = conditions();
        out.printf(
                "orderflow bench %s, run %s (%s)%n",
                options.preset().label(),
                runId,
                options.closedLoop() ? "closed loop, " + options.concurrency() + " workers" : "open model, " + rates());
        out.printf(
                "conditions: load average %s, %s CPUs, %s other surefire JVMs running%n",
                conditions.loadAverage(), conditions.cpus(), conditions.surefireJvms());

        Suite suite = new Suite(options.orderUrl(), options.billingUrl(), options.httpTimeout(), options.location());
        List<String> products = suite.productCodes();
        if (!products.contains(options.product())) {
            throw new IllegalStateException(
                    "product " + options.product() + " is not in the catalog " + products + "; use --product");
        }

        Limits.Postgres postgres = null;
        Limits.Kafka kafka = null;
        if (options.limits()) {
            double busy = SystemStats.awaitQuiet(0.25, Duration.ofSeconds(30));
            conditions = new Report.Conditions(
                    conditions.loadAverage(),
                    conditions.cpus(),
                    conditions.surefireJvms(),
                    conditions.javaVersion(),
                    Limits.round(busy * 100));
            out.printf(
                    "measuring the machine's limits against the suite's own servers (machine %.0f%% busy) ...%n",
                    busy * 100);
            postgres = Limits.postgres(
                    options.jdbcUrl(),
                    options.dbUser(),
                    options.dbPassword(),
                    options.pgConnections(),
                    options.limitDuration());
            kafka = Limits.kafka(options.bootstrapServers(), options.limitDuration());
            out.print(Report.limitsText(postgres, kafka));
        }

        List<Report.Step> steps = new ArrayList<>();
        StepResult warmup = null;
        Report.Setup setup;
        try (EventWatcher watcher = new EventWatcher(options.bootstrapServers(), prefix);
                SystemStats stats = new SystemStats(
                        options.stackDir(),
                        options.jdbcUrl(),
                        options.dbUser(),
                        options.dbPassword(),
                        options.bootstrapServers())) {
            watcher.start();
            List<String> customers = new ArrayList<>();
            for (int i = 0; i < options.customers(); i++) {
                customers.add(prefix + i);
            }
            setup = setUp(suite, watcher, customers);
            LoadStep load = new LoadStep(
                    suite,
                    watcher,
                    customers,
                    options.product(),
                    options.completionTimeout(),
                    options.httpTimeout(),
                    out);
            if (!options.warmup().isZero()) {
                out.printf(
                        "warm-up: %s for %ds (not reported)%n",
                        options.closedLoop()
                                ? "max x" + options.concurrency()
                                : "rising from " + label(options.warmupRate() / 10) + " to "
                                        + label(options.warmupRate()),
                        options.warmup().toSeconds());
                warmup = options.closedLoop()
                        ? step(load, 0, options.warmup(), false)
                        : load.open(
                                "warm-up",
                                options.warmupRate() / 10,
                                options.warmupRate(),
                                options.warmup(),
                                false,
                                Duration.ZERO);
                out.printf(
                        "warm-up done: %.1f orders/s, p99 end-to-end %s ms, %d errors%n",
                        warmup.ordersPerSecond(),
                        Report.num(warmup.endToEnd().getValueAtPercentile(99)),
                        warmup.errorCount());
                Thread.sleep(2000);
            }
            boolean search = options.preset() == BenchOptions.Preset.THROUGHPUT;
            for (double rate : options.measuredRates()) {
                out.printf(
                        "step %s for %ds%n",
                        options.closedLoop() ? "max x" + options.concurrency() : label(rate),
                        options.duration().toSeconds());
                SystemStats.Snapshot before = stats.take();
                StepResult result = step(load, rate, options.duration(), search);
                SystemStats.Snapshot after = stats.take();
                SystemStats.Figures system = stats.between(before, after, result.paid() + result.paymentFailed());
                Report.Step step = judge(result, system);
                steps.add(step);
                out.println(Report.TABLE_HEADER);
                out.println(Report.stepLine(step));
                if (search && !step.passed()) {
                    break;
                }
                if (search) {
                    Thread.sleep(2000);
                }
            }
            if (watcher.failure() != null) {
                throw new IllegalStateException("the event consumer failed: " + watcher.failure());
            }
        }

        Report.Step chosen = choose(steps);
        Report.Run run = new Report.Run(
                options, runId, started.toString(), conditions, postgres, kafka, setup, warmup, steps, chosen);
        out.println();
        out.print(Report.limitsText(postgres, kafka));
        out.println(Report.TABLE_HEADER);
        for (Report.Step step : steps) {
            out.println(Report.stepLine(step));
        }
        out.print(Report.resultText(run));
        Path json = write(run, runId);
        out.println("results: " + json + " and " + json.toString().replaceFirst("\\.json$", ".html"));
        out.println(Report.summaryLine(run));
        return exitStatus(steps, chosen);
    }

    private StepResult step(LoadStep load, double rate, Duration duration, boolean search) throws InterruptedException {
        if (options.closedLoop()) {
            return load.closed("max x" + options.concurrency(), options.concurrency(), duration);
        }
        Duration backlog =
                Duration.ofMillis(Math.max(2000, 4 * options.threshold().toMillis()));
        return load.open(label(rate), rate, duration, search, backlog);
    }

    /** Whether a step meets its preset's bar. */
    private Report.Step judge(StepResult r, SystemStats.Figures system) {
        long completed = r.paid() + r.paymentFailed();
        if (completed == 0) {
            return new Report.Step(r, system, false, "FAIL: no order completed");
        }
        if (r.aborted() != null) {
            return new Report.Step(r, system, false, "FAIL: aborted, " + r.aborted());
        }
        if (r.errorCount() > 0) {
            return new Report.Step(r, system, false, "FAIL: " + r.errorCount() + " errors " + r.errors());
        }
        if (options.preset() == BenchOptions.Preset.THROUGHPUT) {
            long p99 = r.endToEnd().getValueAtPercentile(99);
            if (p99 >= options.threshold().toNanos() / 1000) {
                return new Report.Step(
                        r,
                        system,
                        false,
                        "FAIL: p99 " + Report.num(p99) + " ms >= "
                                + options.threshold().toMillis() + " ms");
            }
            if (r.ordersPerSecond() < 0.95 * r.targetRate()) {
                return new Report.Step(
                        r, system, false, String.format(Locale.ROOT, "FAIL: only %.1f/s", r.ordersPerSecond()));
            }
            return new Report.Step(
                    r, system, true, "ok: p99 under " + options.threshold().toMillis() + " ms");
        }
        return new Report.Step(r, system, true, "ok");
    }

    private Report.Step choose(List<Report.Step> steps) {
        if (options.preset() == BenchOptions.Preset.THROUGHPUT) {
            Report.Step best = null;
            for (Report.Step s : steps) {
                if (s.passed()
                        && (best == null
                                || s.result().ordersPerSecond() > best.result().ordersPerSecond())) {
                    best = s;
                }
            }
            return best;
        }
        return steps.isEmpty() ? null : steps.getLast();
    }

    private int exitStatus(List<Report.Step> steps, Report.Step chosen) {
        if (steps.isEmpty()
                || steps.stream().allMatch(s -> s.result().paid() + s.result().paymentFailed() == 0)) {
            return 1;
        }
        return switch (options.preset()) {
            case THROUGHPUT -> chosen == null ? 1 : 0;
            case SMOKE, LATENCY -> steps.stream().anyMatch(s -> s.result().errorCount() > 0) ? 1 : 0;
            case RUN -> 0;
        };
    }

    /** Opens an account per customer and deposits into it; returns once every {@code DepositAccepted} arrived. */
    private Report.Setup setUp(Suite suite, EventWatcher watcher, List<String> customers) throws InterruptedException {
        long t0 = System.nanoTime();
        out.printf(
                "setup: %d accounts (%s0 .. %d) with %s each ...%n",
                customers.size(),
                customers.getFirst().substring(0, customers.getFirst().length() - 1),
                customers.size() - 1,
                options.deposit().toPlainString());
        CountDownLatch accepted = new CountDownLatch(customers.size());
        Map<String, String> failures = new ConcurrentHashMap<>();
        Semaphore parallel = new Semaphore(16);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (String customer : customers) {
                futures.add(executor.submit(() -> {
                    parallel.acquire();
                    try {
                        Suite.Answer account = suite.openAccount(customer);
                        if (account.status() != 201 && account.status() != 200) {
                            failures.put(customer, "POST /accounts " + account.status() + " " + account.body());
                            return null;
                        }
                        Suite.Answer deposit = suite.deposit(customer, options.deposit());
                        if (deposit.status() != 202 || deposit.id() == null) {
                            failures.put(customer, "POST deposits " + deposit.status() + " " + deposit.body());
                            return null;
                        }
                        watcher.await(deposit.id(), outcome -> accepted.countDown());
                        return null;
                    } finally {
                        parallel.release();
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.put("?", String.valueOf(e.getCause()));
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("setup failed for " + failures.size() + " customers, e.g. "
                    + failures.entrySet().iterator().next());
        }
        long timeout = 60 + customers.size() / 10;
        if (!accepted.await(timeout, TimeUnit.SECONDS)) {
            throw new IllegalStateException((customers.size() - accepted.getCount()) + " of " + customers.size()
                    + " deposits accepted within " + timeout + " s: is billing-service consuming topic billing?");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.printf("setup done in %.1f s%n", seconds);
        return new Report.Setup(customers.size(), options.deposit(), Limits.round(seconds));
    }

    private Path write(Report.Run run, String runId) throws IOException {
        Files.createDirectories(options.out());
        String base = runId + "-" + options.preset().label();
        Path json = options.out().resolve(base + ".json");
        Files.writeString(json, Results.json(run));
        Files.writeString(options.out().resolve(base + ".html"), Results.html(run));
        return json;
    }

    private static Report.Conditions conditions() {
        String loadAverage;
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            loadAverage = load[0] + " " + load[1] + " " + load[2];
        } catch (IOException | RuntimeException e) {
            loadAverage = "unknown";
        }
        long surefireJvms = ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains("surefire") || c.contains("failsafe"))
                        .orElse(false))
                .count();
        return new Report.Conditions(
                loadAverage,
                Runtime.getRuntime().availableProcessors(),
                surefireJvms,
                System.getProperty("java.version"),
                null);
    }

    private String rates() {
        List<Double> rates = options.measuredRates();
        if (rates.size() == 1) {
            return label(rates.getFirst()) + " for " + options.duration().toSeconds() + " s";
        }
        return "steps of " + options.duration().toSeconds() + " s at "
                + String.join(", ", rates.stream().map(Bench::label).toList());
    }

    static String label(double rate) {
        return (rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate)) + "/s";
    }
}
