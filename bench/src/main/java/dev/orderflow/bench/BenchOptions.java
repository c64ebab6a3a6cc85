package dev.orderflow.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one {@code bin/bench} run does: a preset's defaults, overridden by flags.
 *
 * @param preset smoke, throughput or latency
 * @param rate orders per second of the open model; ignored when {@code closedLoop}
 * @param closedLoop {@code --rate max}: {@code concurrency} workers, each placing its next order once the last one
 *     is final
 * @param concurrency the workers of the closed loop
 * @param duration how long each measured step places orders
 * @param warmup an unreported step before the measured ones, so that the services' JIT compilers have done most of
 *     their work (on two cores a cold suite spends more CPU compiling than serving)
 * @param warmupRate the warm-up's rate; 0 for the first measured rate
 * @param steps the throughput preset's rates, tried in order until one misses the p99 threshold
 * @param threshold the p99 end-to-end latency a throughput step must stay under
 * @param customers how many customers the orders are spread over (each gets an account with {@code deposit})
 * @param completionTimeout how long after the last POST of a step an order may take to become final
 * @param httpTimeout the timeout of each HTTP request
 * @param limits whether to measure the machine's PostgreSQL and Kafka limits in the same run
 * @param limitDuration how long each limit is measured
 * @param pgConnections connections of the PostgreSQL insert loop
 */
record BenchOptions(
        Preset preset,
        double rate,
        boolean closedLoop,
        int concurrency,
        Duration duration,
        Duration warmup,
        double warmupRate,
        List<Double> steps,
        Duration threshold,
        int customers,
        Duration completionTimeout,
        Duration httpTimeout,
        boolean limits,
        Duration limitDuration,
        int pgConnections,
        URI orderUrl,
        URI billingUrl,
        String bootstrapServers,
        String jdbcUrl,
        String dbUser,
        String dbPassword,
        BigDecimal deposit,
        String product,
        Path out,
        Path stackDir) {

    /** The named runs of {@code bin/bench}. */
    enum Preset {
        /** Proves the harness and the suite work: 10 s at 20 orders/s; fails on any error. */
        SMOKE,
        /** The highest rate whose p99 end-to-end latency stays under the threshold. */
        THROUGHPUT,
        /** A fixed 200 orders/s for 60 s. */
        LATENCY,
        /** Only what the flags say (defaults: 100 orders/s for 30 s). */
        RUN;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String USAGE = """
            usage: bin/bench [smoke|throughput|latency|run] [flags]

              smoke        10 s at 20 orders/s over 5 customers; exits 1 on any error or when no order completes (CI)
              throughput   after a 120 s warm-up at 200/s, steps of 20 s at 100, 200, 400, 600, 800, 1000, 1200, ...
                           orders/s; stops at the first step whose p99 end-to-end latency is 500 ms or more (or
                           that has errors, or falls behind); reports the best step
              latency      200 orders/s for 60 s, after a 120 s warm-up
              run          only what the flags say (default 100 orders/s for 30 s)

            flags (override the preset):
              --rate N|max          orders/s (open model: sent on schedule, latency from the scheduled time);
                                    max: closed loop of --concurrency workers, each waiting for its order to be final
              --concurrency N       workers of --rate max (default 32)
              --duration 30s        how long each step places orders (s, ms or m)
              --warmup 120s         an unreported step first, to warm the services' JIT compilers: a freshly
                                    started suite needs about 2.5 min at 200/s to reach its steady state (0: none)
              --warmup-rate N       its rate (default: the first measured rate, at most 200/s)
              --steps 100,200,...   the throughput preset's rates
              --threshold 500ms     the throughput preset's p99 end-to-end limit
              --customers N         customers the orders are spread over (bench-<run>-<i>)
              --completion-timeout 10s   how long an order may take to become final after the step's last POST
              --http-timeout 10s    the timeout of each HTTP request
              --no-limits           skip measuring PostgreSQL's and Kafka's limits
              --limit-duration 5s   how long each limit is measured
              --pg-connections 4    connections of the PostgreSQL insert loop
              --order-url URL       default http://localhost:8081
              --billing-url URL     default http://localhost:8082
              --bootstrap-servers   default localhost:9092
              --jdbc-url URL        default jdbc:postgresql://localhost:5432/orderflow (user/password orderflow)
              --db-user U, --db-password P
              --deposit 1000000.00  each customer's deposit
              --product CODE        what each order buys (one of it; default pencil)
              --out DIR             where results go (default bench-results)
              --stack-dir DIR       bin/stack's state, for per-process CPU figures (default .stack)
            """;

    static BenchOptions parse(String... args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        Preset preset = Preset.RUN;
        if (!rest.isEmpty() && !rest.getFirst().startsWith("-")) {
            String name = rest.removeFirst();
            preset = switch (name) {
                case "smoke" -> Preset.SMOKE;
                case "throughput" -> Preset.THROUGHPUT;
                case "latency" -> Preset.LATENCY;
                case "run" -> Preset.RUN;
                default -> throw new IllegalArgumentException("Unknown preset " + name);
            };
        }
        Builder b = Builder.of(preset);
        for (int i = 0; i < rest.size(); i++) {
            String flag = rest.get(i);
            if (flag.equals("--no-limits")) {
                b.limits = false;
                continue;
            }
            if (flag.equals("-h") || flag.equals("--help")) {
                throw new IllegalArgumentException("help");
            }
            String value;
            int eq = flag.indexOf('=');
            if (eq > 0) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            } else {
                if (i + 1 >= rest.size()) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                value = rest.get(++i);
            }
            switch (flag) {
                case "--rate" -> {
                    if (value.equalsIgnoreCase("max")) {
                        b.closedLoop = true;
                    } else {
                        b.closedLoop = false;
                        b.rate = positive(flag, Double.parseDouble(value));
                        b.rateGiven = true;
                    }
                }
                case "--concurrency" -> b.concurrency = (int) positive(flag, Integer.parseInt(value));
                case "--duration" -> b.duration = duration(value);
                case "--warmup" -> b.warmup = duration(value);
                case "--warmup-rate" -> b.warmupRate = positive(flag, Double.parseDouble(value));
                case "--steps" ->
                    b.steps = Arrays.stream(value.split(","))
                            .map(String::trim)
                            .filter(s -> !s.isEmpty())
                            .map(s -> positive("--steps", Double.parseDouble(s)))
                            .toList();
                case "--threshold" -> b.threshold = duration(value);
                case "--customers" -> b.customers = (int) positive(flag, Integer.parseInt(value));
                case "--completion-timeout" -> b.completionTimeout = duration(value);
                case "--http-timeout" -> b.httpTimeout = duration(value);
                case "--limit-duration" -> b.limitDuration = duration(value);
                case "--pg-connections" -> b.pgConnections = (int) positive(flag, Integer.parseInt(value));
                case "--order-url" -> b.orderUrl = URI.create(value);
                case "--billing-url" -> b.billingUrl = URI.create(value);
                case "--bootstrap-servers" -> b.bootstrapServers = value;
                case "--jdbc-url" -> b.jdbcUrl = value;
                case "--db-user" -> b.dbUser = value;
                case "--db-password" -> b.dbPassword = value;
                case "--deposit" -> b.deposit = new BigDecimal(value);
                case "--product" -> b.product = value;
                case "--out" -> b.out = Path.of(value);
                case "--stack-dir" -> b.stackDir = Path.of(value);
                default -> throw new IllegalArgumentException("Unknown flag " + flag);
            }
        }
        if (preset == Preset.THROUGHPUT && (b.rateGiven || b.closedLoop)) {
            throw new IllegalArgumentException("throughput steps through rates itself: use --steps, or the run preset");
        }
        if (b.steps.isEmpty()) {
            throw new IllegalArgumentException("--steps needs at least one rate");
        }
        return b.build();
    }

    /** The rates of the measured steps: the throughput preset's steps, otherwise the one rate. */
    List<Double> measuredRates() {
        return preset == Preset.THROUGHPUT ? steps : List.of(rate);
    }

    /** Parses {@code 20s}, {@code 500ms}, {@code 2m} or a number of seconds. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a duration: " + text + " (e.g. 20s, 500ms, 2m)");
        }
    }

    private static double positive(String flag, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(flag + " must be positive");
        }
        return value;
    }

    private static final class Builder {
        Preset preset;
        double rate = 100;
        boolean rateGiven;
        boolean closedLoop;
        int concurrency = 32;
        Duration duration = Duration.ofSeconds(30);
        Duration warmup = Duration.ZERO;
        double warmupRate;
        List<Double> steps = List.of(
                100.0, 200.0, 400.0, 600.0, 800.0, 1000.0, 1200.0, 1400.0, 1600.0, 1800.0, 2000.0, 2400.0, 2800.0,
                3200.0, 4000.0);
        Duration threshold = Duration.ofMillis(500);
        int customers = 100;
        Duration completionTimeout = Duration.ofSeconds(10);
        Duration httpTimeout = Duration.ofSeconds(10);
        boolean limits = true;
        Duration limitDuration = Duration.ofSeconds(5);
        int pgConnections = 4;
        URI orderUrl = URI.create("http://localhost:8081");
        URI billingUrl = URI.create("http://localhost:8082");
        String bootstrapServers = "localhost:9092";
        String jdbcUrl = "jdbc:postgresql://localhost:5432/orderflow";
        String dbUser = "orderflow";
        String dbPassword = "orderflow";
        BigDecimal deposit = new BigDecimal("1000000.00");
        String product = "pencil";
        Path out = Path.of("bench-results");
        Path stackDir = Path.of(".stack");

        static Builder of(Preset preset) {
            Builder b = new Builder();
            b.preset = preset;
            switch (preset) {
                case SMOKE -> {
                    b.rate = 20;
                    b.duration = Duration.ofSeconds(10);
                    b.customers = 5;
                    b.limitDuration = Duration.ofSeconds(2);
                    // CI machines are slow and the services may be cold: smoke proves the path, not the speed.
                    b.completionTimeout = Duration.ofSeconds(30);
                    b.httpTimeout = Duration.ofSeconds(30);
                }
                case THROUGHPUT -> {
                    b.duration = Duration.ofSeconds(20);
                    b.warmup = Duration.ofSeconds(120);
                }
                case LATENCY -> {
                    b.rate = 200;
                    b.duration = Duration.ofSeconds(60);
                    b.warmup = Duration.ofSeconds(120);
                }
                case RUN -> {}
            }
            return b;
        }

        BenchOptions build() {
            return new BenchOptions(
                    preset,
                    preset == Preset.THROUGHPUT ? steps.getFirst() : rate,
                    closedLoop,
                    concurrency,
                    duration,
                    warmup,
                    warmupRate > 0
                            ? warmupRate
                            : Math.min(200, preset == Preset.THROUGHPUT ? steps.getFirst() * 2 : rate),
                    steps,
                    threshold,
                    customers,
                    completionTimeout,
                    httpTimeout,
                    limits,
                    limitDuration,
                    pgConnections,
                    orderUrl,
                    billingUrl,
                    bootstrapServers,
                    jdbcUrl,
                    dbUser,
                    dbPassword,
                    deposit,
                    product,
                    out,
                    stackDir);
        }
    }
}
