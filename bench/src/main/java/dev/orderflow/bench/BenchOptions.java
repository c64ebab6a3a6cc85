package dev.orderflow.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one {@code bin/bench} run does: a preset's defaults, overridden by flags ({@link #USAGE} says what each means).
 * The warm-up is an unreported step before the measured ones, so that the services' JIT compilers have done most of
 * their work: on two cores a cold suite spends more CPU compiling than serving.
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
        String location,
        Path out,
        Path stackDir) {

    /** The named runs of {@code bin/bench}, each with the flags it sets. */
    enum Preset {
        /** CI machines are slow and the services may be cold: smoke proves the path, not the speed. */
        SMOKE(Map.of(
                "rate", "20",
                "duration", "10s",
                "customers", "5",
                "limit-duration", "2s",
                "completion-timeout", "30s",
                "http-timeout", "30s")),
        THROUGHPUT(Map.of("duration", "20s", "warmup", "120s")),
        LATENCY(Map.of("rate", "200", "duration", "60s", "warmup", "120s")),
        RUN(Map.of());

        private final Map<String, String> flags;

        Preset(Map<String, String> flags) {
            this.flags = flags;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Every flag that takes a value, with its default. */
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("rate", "100"),
            Map.entry("concurrency", "32"),
            Map.entry("duration", "30s"),
            Map.entry("warmup", "0"),
            Map.entry("warmup-rate", "0"),
            Map.entry("steps", "100,200,400,600,800,1000,1200,1400,1600,1800,2000,2400,2800,3200,4000"),
            Map.entry("threshold", "500ms"),
            Map.entry("customers", "100"),
            Map.entry("completion-timeout", "10s"),
            Map.entry("http-timeout", "10s"),
            Map.entry("limit-duration", "5s"),
            Map.entry("pg-connections", "4"),
            Map.entry("order-url", "http://localhost:8081"),
            Map.entry("billing-url", "http://localhost:8082"),
            Map.entry("bootstrap-servers", "localhost:9092"),
            Map.entry("jdbc-url", "jdbc:postgresql://localhost:5432/orderflow"),
            Map.entry("db-user", "orderflow"),
            Map.entry("db-password", "orderflow"),
            Map.entry("deposit", "1000000.00"),
            Map.entry("product", "pencil"),
            Map.entry("location", "bench"),
            Map.entry("out", "bench-results"),
            Map.entry("stack-dir", ".stack"));

    /** The flags whose numbers must be positive when given. */
    private static final Set<String> POSITIVE =
            Set.of("rate", "concurrency", "warmup-rate", "steps", "customers", "pg-connections");

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
              --location WHERE      the orders' location, which fulfilment's rules route by (default bench, which only
                                    the log and store-and-dispatch rules match; us-east: the us-warehouse API
                                    destination; eu-west: the eu-fulfillment workflow)
              --out DIR             where results go (default bench-results)
              --stack-dir DIR       bin/stack's state, for per-process CPU figures (default .stack)
            """;

    /** Reads a preset and flags; an {@link IllegalArgumentException} says what is wrong, or "help". */
    static BenchOptions parse(String... args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        Preset preset = Preset.RUN;
        if (!rest.isEmpty() && !rest.getFirst().startsWith("-")) {
            String name = rest.removeFirst();
            preset = Arrays.stream(Preset.values())
                    .filter(p -> p.label().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown preset " + name));
        }
        Map<String, String> v = new HashMap<>(DEFAULTS);
        v.putAll(preset.flags);
        boolean limits = true;
        Boolean closedLoop = null; // null: no --rate given
        for (int i = 0; i < rest.size(); i++) {
            String flag = rest.get(i);
            int eq = flag.indexOf('=');
            String name = (eq > 0 ? flag.substring(0, eq) : flag).replaceFirst("^--", "");
            if (flag.equals("-h") || flag.equals("--help")) {
                throw new IllegalArgumentException("help");
            } else if (flag.equals("--no-limits")) {
                limits = false;
                continue;
            } else if (!flag.startsWith("--") || !DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("Unknown flag " + flag);
            } else if (eq < 0 && i + 1 >= rest.size()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = eq > 0 ? flag.substring(eq + 1) : rest.get(++i);
            if (POSITIVE.contains(name)
                    && !value.equalsIgnoreCase("max")
                    && Arrays.stream(value.split(",")).anyMatch(n -> !n.isBlank() && !(Double.parseDouble(n) > 0))) {
                throw new IllegalArgumentException("--" + name + " must be positive");
            }
            if (name.equals("rate")) {
                closedLoop = value.equalsIgnoreCase("max");
            }
            if (!(name.equals("rate") && closedLoop)) {
                v.put(name, value);
            }
        }
        if (preset == Preset.THROUGHPUT && closedLoop != null) {
            throw new IllegalArgumentException("throughput steps through rates itself: use --steps, or the run preset");
        }
        List<Double> steps = Arrays.stream(v.get("steps").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Double::parseDouble)
                .toList();
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("--steps needs at least one rate");
        }
        if (!v.get("location").matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("--location takes letters, digits, '.', '_' and '-' (at most 64)");
        }
        double rate = preset == Preset.THROUGHPUT ? steps.getFirst() : Double.parseDouble(v.get("rate"));
        double warmupRate = Double.parseDouble(v.get("warmup-rate"));
        return new BenchOptions(
                preset,
                rate,
                closedLoop == Boolean.TRUE,
                Integer.parseInt(v.get("concurrency")),
                duration(v.get("duration")),
                duration(v.get("warmup")),
                warmupRate > 0 ? warmupRate : Math.min(200, preset == Preset.THROUGHPUT ? rate * 2 : rate),
                steps,
                duration(v.get("threshold")),
                Integer.parseInt(v.get("customers")),
                duration(v.get("completion-timeout")),
                duration(v.get("http-timeout")),
                limits,
                duration(v.get("limit-duration")),
                Integer.parseInt(v.get("pg-connections")),
                URI.create(v.get("order-url")),
                URI.create(v.get("billing-url")),
                v.get("bootstrap-servers"),
                v.get("jdbc-url"),
                v.get("db-user"),
                v.get("db-password"),
                new BigDecimal(v.get("deposit")),
                v.get("product"),
                v.get("location"),
                Path.of(v.get("out")),
                Path.of(v.get("stack-dir")));
    }

    /** The rates of the measured steps: the throughput preset's steps, otherwise the one rate. */
    List<Double> measuredRates() {
        return preset == Preset.THROUGHPUT ? steps : List.of(rate);
    }

    boolean throughput() {
        return preset == Preset.THROUGHPUT;
    }

    /** Parses {@code 20s}, {@code 500ms}, {@code 2m} or a number of seconds. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            double factor = t.endsWith("m") ? 60_000 : 1000;
            String number = t.endsWith("m") || t.endsWith("s") ? t.substring(0, t.length() - 1) : t;
            return Duration.ofMillis(Math.round(Double.parseDouble(number) * factor));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a duration: " + text + " (e.g. 20s, 500ms, 2m)");
        }
    }
}
