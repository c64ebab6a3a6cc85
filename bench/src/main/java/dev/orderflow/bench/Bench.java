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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private Bench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            boolean help = e.getMessage().equals("help");
            if (!help) {
                System.err.println("bin/bench: " + e.getMessage());
            }
            System.err.print(BenchOptions.USAGE);
            System.exit(help ? 0 : 2);
            return;
        }
        Bench bench = new Bench(options);
        int status;
        try {
            status = bench.run();
        } catch (Exception e) {
            bench.out.println("bench failed: " + e);
            e.printStackTrace(System.err);
            bench.out.println("bench " + options.preset().label() + ": failed (" + e.getMessage() + ")");
            status = 1;
        }
        System.exit(status);
    }

    private int run() throws Exception {
        Instant started = Instant.now();
        String runId = STAMP.format(started);
        String prefix = "bench-" + runId + "-";
        String loadAverage;
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
            loadAverage = load[0] + " " + load[1] + " " + load[2];
        } catch (IOException e) {
            loadAverage = "unknown";
        }
        long surefireJvms = ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("surefire") || c.contains("failsafe"))
                .count();
        int cpus = Runtime.getRuntime().availableProcessors();
        out.printf("orderflow bench %s, run %s (%s)%n", options.preset().label(), runId, mode());
        out.printf(
                "conditions: load average %s, %s CPUs, %s other surefire JVMs running%n",
                loadAverage, cpus, surefireJvms);

        Suite suite = new Suite(options);
        List<String> products = suite.productCodes();
        if (!products.contains(options.product())) {
            throw new IllegalStateException(
                    "product " + options.product() + " is not in the catalog " + products + "; use --product");
        }
        Limits limits = new Limits(null, null);
        Double busyBeforeLimits = null;
        if (options.limits()) {
            double busy = SystemStats.awaitQuiet(0.25, Duration.ofSeconds(30)) * 100;
            busyBeforeLimits = StepResult.round(busy);
            out.printf(
                    "measuring the machine's limits against the suite's own servers (machine %.0f%% busy) ...%n", busy);
            limits = Limits.measure(options);
            out.print(Report.limitsText(limits));
        }
        var conditions = new Report.Conditions(
                loadAverage, cpus, surefireJvms, System.getProperty("java.version"), busyBeforeLimits);

        List<Report.Step> steps = new ArrayList<>();
        StepResult warmup = null;
        Report.Setup setup;
        try (EventWatcher watcher = new EventWatcher(options.bootstrapServers(), prefix);
                SystemStats stats = new SystemStats(options)) {
            watcher.start();
            List<String> customers = IntStream.range(0, options.customers())
                    .mapToObj(i -> prefix + i)
                    .toList();
            setup = setUp(suite, watcher, prefix, customers);
            LoadStep load = new LoadStep(suite, watcher, customers, options, out);
            String closed = "max x" + options.concurrency();
            if (!options.warmup().isZero()) {
                double rate = options.warmupRate();
                out.printf(
                        "warm-up: %s for %ds (not reported)%n",
                        options.closedLoop() ? closed : "rising from " + label(rate / 10) + " to " + label(rate),
                        options.warmup().toSeconds());
                warmup = options.closedLoop()
                        ? load.closed(closed, options.concurrency(), options.warmup())
                        : load.open("warm-up", rate / 10, rate, options.warmup(), null);
                out.printf(
                        "warm-up done: %.1f orders/s, p99 end-to-end %s ms, %d errors%n",
                        warmup.ordersPerSecond(), Report.num(warmup.endToEnd(), 99), warmup.errorCount());
                Thread.sleep(2000);
            }
            // the throughput search gives up on a step once its backlog is clearly beyond the threshold
            Duration backlog = options.throughput()
                    ? Duration.ofMillis(Math.max(2000, 4 * options.threshold().toMillis()))
                    : null;
            for (double rate : options.measuredRates()) {
                String label = options.closedLoop() ? closed : label(rate);
                out.printf("step %s for %ds%n", label, options.duration().toSeconds());
                SystemStats.Snapshot before = stats.take();
                StepResult result = options.closedLoop()
                        ? load.closed(label, options.concurrency(), options.duration())
                        : load.open(label, rate, rate, options.duration(), backlog);
                Report.Step step =
                        judge(result, stats.between(before, stats.take(), result.paid() + result.paymentFailed()));
                steps.add(step);
                out.println(Report.TABLE_HEADER);
                out.println(Report.stepLine(step));
                if (options.throughput() && !step.passed()) {
                    break;
                } else if (options.throughput()) {
                    Thread.sleep(2000);
                }
            }
            if (watcher.failure() != null) {
                throw new IllegalStateException("the event consumer failed: " + watcher.failure());
            }
        }

        Report.Step chosen = options.throughput()
                ? steps.stream()
                        .filter(Report.Step::passed)
                        .max(Comparator.comparingDouble(s -> s.result().ordersPerSecond()))
                        .orElse(null)
                : steps.isEmpty() ? null : steps.getLast();
        Report.Run run =
                new Report.Run(options, runId, started.toString(), conditions, limits, setup, warmup, steps, chosen);
        out.println();
        out.print(Report.limitsText(limits));
        out.println(Report.TABLE_HEADER);
        steps.forEach(step -> out.println(Report.stepLine(step)));
        out.print(Report.resultText(run));
        Path file = options.out().resolve(runId + "-" + options.preset().label());
        Files.createDirectories(options.out());
        Files.writeString(Path.of(file + ".json"), Results.json(run));
        Files.writeString(Path.of(file + ".html"), Results.html(run));
        out.println("results: " + file + ".json and " + file + ".html");
        out.println(Report.summaryLine(run));
        if (steps.stream().allMatch(s -> s.result().paid() + s.result().paymentFailed() == 0)) {
            return 1;
        }
        return switch (options.preset()) {
            case THROUGHPUT -> chosen == null ? 1 : 0;
            case SMOKE, LATENCY -> steps.stream().anyMatch(s -> s.result().errorCount() > 0) ? 1 : 0;
            case RUN -> 0;
        };
    }

    /** Whether a step meets its preset's bar, and the verdict that says so. */
    private Report.Step judge(StepResult r, SystemStats.Figures system) {
        String failure = null;
        long p99 = r.endToEnd().getValueAtPercentile(99);
        if (r.paid() + r.paymentFailed() == 0) {
            failure = "no order completed";
        } else if (r.aborted() != null) {
            failure = "aborted, " + r.aborted();
        } else if (r.errorCount() > 0) {
            failure = r.errorCount() + " errors " + r.errorsByKind();
        } else if (options.throughput() && p99 >= options.threshold().toNanos() / 1000) {
            failure = "p99 " + Report.num(p99) + " ms >= " + options.threshold().toMillis() + " ms";
        } else if (options.throughput() && r.ordersPerSecond() < 0.95 * r.targetRate()) {
            failure = Report.format("only %.1f/s", r.ordersPerSecond());
        }
        String ok =
                options.throughput() ? "ok: p99 under " + options.threshold().toMillis() + " ms" : "ok";
        return new Report.Step(r, failure == null, failure == null ? ok : "FAIL: " + failure, system);
    }

    /** Opens an account per customer and deposits into it; returns once every {@code DepositAccepted} arrived. */
    private Report.Setup setUp(Suite suite, EventWatcher watcher, String prefix, List<String> customers)
            throws InterruptedException {
        long t0 = System.nanoTime();
        out.printf(
                "setup: %d accounts (%s0 .. %d) with %s each ...%n",
                customers.size(),
                prefix,
                customers.size() - 1,
                options.deposit().toPlainString());
        CountDownLatch accepted = new CountDownLatch(customers.size());
        Map<String, String> failures = new ConcurrentHashMap<>();
        try (ExecutorService sixteen =
                Executors.newFixedThreadPool(16, Thread.ofVirtual().factory())) {
            for (String customer : customers) {
                sixteen.execute(() -> {
                    try {
                        Suite.Answer account = suite.openAccount(customer);
                        if (account.status() != 201 && account.status() != 200) {
                            failures.put(customer, "POST /accounts " + account.status() + " " + account.body());
                            return;
                        }
                        Suite.Answer deposit = suite.deposit(customer, options.deposit());
                        if (deposit.status() != 202 || deposit.id() == null) {
                            failures.put(customer, "POST deposits " + deposit.status() + " " + deposit.body());
                            return;
                        }
                        watcher.await(deposit.id(), outcome -> accepted.countDown());
                    } catch (Exception e) {
                        failures.put(customer, String.valueOf(e));
                    }
                });
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
        return new Report.Setup(customers.size(), options.deposit(), StepResult.round(seconds));
    }

    private String mode() {
        List<Double> rates = options.measuredRates();
        long seconds = options.duration().toSeconds();
        return options.closedLoop()
                ? "closed loop, " + options.concurrency() + " workers"
                : rates.size() == 1
                        ? "open model, " + label(rates.getFirst()) + " for " + seconds + " s"
                        : "open model, steps of " + seconds + " s at "
                                + rates.stream().map(Bench::label).collect(Collectors.joining(", "));
    }

    static String label(double rate) {
        return (rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate)) + "/s";
    }
}
