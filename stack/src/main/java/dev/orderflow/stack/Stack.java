package dev.orderflow.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The whole orderflow suite on this machine, without Docker: the real Apache Kafka broker (KRaft), PostgreSQL (an
 * embedded server unless {@code SPRING_DATASOURCE_URL} names one), a mail catcher and every service module that
 * exists. bin/stack finds the JDK, builds this module when it is stale and runs this class; {@link #USAGE} says what
 * it does.
 *
 * <p>State lives in {@code .stack/} at the repository root: {@code pids/}, {@code logs/}, {@code data/} (Kafka and
 * PostgreSQL), {@code cache/} (start-up caches), {@code conf/} (the broker's configuration, the admin's client
 * configuration, fulfillment-service's key), {@code interaction} (the running services' interaction style).
 */
public final class Stack {

    static final String USAGE = """
            bin/stack up [--interaction events|mixed|http] [--with-prometheus]
                                      build what is missing or stale, start what is not running, wait until healthy; the
                                      services talk in that interaction style (CONTRACT.md; default ORDERFLOW_INTERACTION, else
                                      events). Another style than the running one's needs a `down` first; data survives it.
                                      --with-prometheus also runs Debian's prometheus (its package must be installed) with
                                      docker/prometheus/prometheus-local.yml on http://localhost:9090, data in .stack/data/prometheus.
            bin/stack down            stop Prometheus (if up started it) and the services, then the mail catcher, Kafka and
                                      PostgreSQL; data survives
            bin/stack status          what runs, with health
            bin/stack logs [-f] NAME  the log of a service, or of kafka / postgres / mail
            bin/stack mail [-n N] [CUSTOMER]  the latest N (10) e-mails the services sent, to CUSTOMER's address if given
            bin/stack reset           down, then delete the data and the start-up caches

            State lives in .stack/ at the repository root: pids/, logs/, data/ (Kafka and PostgreSQL), cache/ (start-up caches).
            The mail catcher (GreenMail) takes SMTP on localhost:1025, shows what it caught on http://localhost:8025 and keeps the
            latest 1,000 e-mails in memory until `down`; the services send to it unless SPRING_MAIL_HOST says otherwise.
            Settings (environment): STACK_SERVICES (e.g. "order-service billing-service": only these; default all that exist),
            STACK_HEALTH_TIMEOUT (seconds, 90), STACK_SERVICE_JAVA_OPTS (added to every service's java options),
            STACK_NO_CACHE=1 (no AOT/CDS cache), STACK_NO_BUILD=1 (never build), STACK_SECRET_<ACCOUNT> (the password of a
            service's PostgreSQL role and Kafka user, e.g. STACK_SECRET_ORDER_SERVICE, or of the Kafka admin, STACK_SECRET_ADMIN;
            default <account>-dev).
            fulfillment-service gets ORDERFLOW_FULFILLMENT_DESTINATIONS_SECRET_KEY (made once into .stack/conf) and
            ORDERFLOW_FULFILLMENT_DEMO_PASSWORD (the demo warehouse's Basic password; default warehouse-dev-password) and
            ORDERFLOW_CONSOLE_PASSWORD (the operator console's, user admin; default {noop}console-dev-password).

            Least privilege (docs/adr/0010-least-privilege.md): each service connects to PostgreSQL as its own role, which owns
            its schema and nothing else, and to Kafka (SASL/SCRAM-SHA-512 on localhost:9092) as its own user, allowed by ACLs only
            what it publishes and consumes. The bin/kafka-*.sh tools authenticate as the admin with .stack/conf/admin.properties.
            """;

    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;
    static final int POSTGRES_PORT = 5432;
    /** The same ports as Mailpit in docker-compose.yml. */
    static final int MAIL_SMTP_PORT = 1025;

    static final int MAIL_HTTP_PORT = 8025;

    static final Set<String> STYLES = Set.of("events", "mixed", "http");

    // Small JVMs: one machine runs the broker, PostgreSQL, the mail catcher and every service.
    // The broker gets a fixed 64 MB young generation: from -Xms32m it kept an 8.5 MB one, collected about three times a
    // second under load, 7-10 ms each (2.6 % of the time paused, every produce and fetch waiting).
    static final List<String> KAFKA_JAVA_OPTS =
            List.of("-Xms128m", "-Xmx256m", "-Xmn64m", "-XX:+UseSerialGC", "-Xss512k", "-Djava.awt.headless=true");
    static final List<String> POSTGRES_JAVA_OPTS = List.of(
            "-Xms8m",
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:MaxHeapFreeRatio=20",
            "-XX:MinHeapFreeRatio=5",
            "-XX:-ShrinkHeapInSteps",
            "-XX:TieredStopAtLevel=1",
            "-Xss512k");
    // The mail catcher idles; it needs little and gives back what it does not use.
    static final List<String> MAIL_JAVA_OPTS = List.of(
            "-Xms8m",
            "-Xmx64m",
            "-XX:+UseSerialGC",
            "-XX:MaxHeapFreeRatio=20",
            "-XX:MinHeapFreeRatio=5",
            "-XX:TieredStopAtLevel=1",
            "-Xss512k",
            "-Djava.awt.headless=true");
    static final List<String> TOOL_JAVA_OPTS = List.of(
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Dorderflow.log.level=WARN",
            "-Dorderflow.log.target=SYSTEM_ERR");
    // No -XX:TieredStopAtLevel=1: with the AOT cache a service starts as fast with C2 as without, and keeps its peak
    // speed. A fixed 48 MB young generation: from -Xms32m a service kept an 8.5 MB one, collected about twice a second
    // at 200 orders/s; with it about a quarter as often (docs/performance.md), for about 30 MB more memory per service.
    static final List<String> SERVICE_JAVA_OPTS =
            List.of("-Xms96m", "-Xmn48m", "-Xmx256m", "-Xss512k", "-XX:+UseSerialGC", "-Djava.awt.headless=true");

    private static final Pattern JVM_NOISE = Pattern.compile("^WARNING: .*(sun\\.misc\\.Unsafe|HiddenClassDefiner).*");
    private static final String STILL_RUNNING =
            "Whatever else started is still running; bin/stack status shows it, bin/stack down stops it.";

    private final Path root;
    private final Path state;
    private final Path pids;
    private final Path logs;
    private final Path data;
    private final Path cache;
    private final Path conf;
    private final Map<String, String> environment;
    private final Terminal terminal;
    private final PrintStream out;
    private final PrintStream err;
    private final StackProcesses processes;
    private final Health health = new Health();
    final String javaCommand;

    Stack(Path root, Map<String, String> environment, Terminal terminal, PrintStream out, PrintStream err) {
        this.root = root;
        this.state = root.resolve(".stack");
        this.pids = state.resolve("pids");
        this.logs = state.resolve("logs");
        this.data = state.resolve("data");
        this.cache = state.resolve("cache");
        this.conf = state.resolve("conf");
        this.environment = environment;
        this.terminal = terminal;
        this.out = out;
        this.err = err;
        this.processes = new StackProcesses(pids, this::warn);
        this.javaCommand =
                Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("orderflow.root", "")).toAbsolutePath();
        Terminal terminal = new Terminal(Boolean.getBoolean("orderflow.stack.tty"));
        int status;
        try {
            status = new Stack(root, System.getenv(), terminal, System.out, System.err).run(List.of(args));
        } catch (Exit exit) {
            status = exit.status;
        }
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /** Leaves the command with {@code status}; what went wrong is already said. */
    static final class Exit extends RuntimeException {

        final int status;

        Exit(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    int run(List<String> args) {
        String command = args.isEmpty() ? "" : args.getFirst();
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        try {
            switch (command) {
                case "up" -> {
                    try (FileLock lock = lock()) {
                        up(rest);
                    }
                }
                case "down" -> {
                    try (FileLock lock = lock()) {
                        down();
                    }
                }
                case "status" -> status();
                case "logs" -> {
                    return logs(rest);
                }
                case "mail" -> {
                    return mail(rest);
                }
                case "reset" -> {
                    try (FileLock lock = lock()) {
                        reset();
                    }
                }
                case "-h", "--help", "help" -> out.print(USAGE);
                default -> {
                    err.print(USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (IOException e) {
            throw die(e.toString());
        } catch (UncheckedIOException e) {
            throw die(e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw die("interrupted");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Arguments

    /** {@code up}'s arguments: the interaction style asked for, if any. */
    static Optional<String> parseUp(List<String> args) {
        String usage = "usage: bin/stack up [--interaction events|mixed|http] [--with-prometheus]";
        String style = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--interaction")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(usage);
                }
                style = args.get(++i);
            } else if (arg.startsWith("--interaction=")) {
                style = arg.substring("--interaction=".length());
            } else {
                throw new IllegalArgumentException(usage);
            }
        }
        return Optional.ofNullable(style);
    }

    /** {@code logs}' arguments. */
    record LogsRequest(String name, boolean follow) {

        static LogsRequest parse(List<String> args) {
            boolean follow = false;
            String name = "";
            for (String arg : args) {
                if (arg.equals("-f") || arg.equals("--follow")) {
                    follow = true;
                } else {
                    name = arg;
                }
            }
            if (name.isEmpty()) {
                throw new IllegalArgumentException("usage: bin/stack logs [-f] SERVICE|kafka|postgres|mail");
            }
            return new LogsRequest(name, follow);
        }
    }

    /** {@code mail}'s arguments: how many e-mails, to which customer or address (empty: everyone's). */
    record MailRequest(int limit, String customer) {

        static MailRequest parse(List<String> args) {
            String limit = "10";
            String customer = "";
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("-n")) {
                    limit = i + 1 < args.size() ? args.get(++i) : "";
                } else if (arg.startsWith("-n")) {
                    limit = arg.substring(2);
                } else if (arg.startsWith("-")) {
                    throw new IllegalArgumentException("usage: bin/stack mail [-n N] [CUSTOMER|ADDRESS]");
                } else {
                    customer = arg;
                }
            }
            if (!limit.matches("[1-9][0-9]{0,8}")) {
                throw new IllegalArgumentException(
                        "bin/stack mail: -n takes a number of e-mails, not '%s'".formatted(limit));
            }
            return new MailRequest(Integer.parseInt(limit), customer);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Output

    private void say(String line) {
        out.println(line);
        out.flush();
    }

    private void warn(String line) {
        out.flush();
        err.println(terminal.yellow(line));
        err.flush();
    }

    /** Says what went wrong; the caller throws what it returns. */
    private Exit die(String message) {
        out.flush();
        err.println(terminal.red(message));
        err.flush();
        return new Exit(1);
    }

    /** Prints NAME's log path and last lines, as the explanation of a failure. */
    private void showLog(String name, Path log) {
        out.flush();
        err.println(terminal.red(name + " failed.") + " Log: " + log);
        try {
            if (Files.exists(log) && Files.size(log) > 0) {
                List<String> lines;
                try (Stream<String> all = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                    lines = all.filter(line -> !JVM_NOISE.matcher(line).matches())
                            .toList();
                }
                err.printf("----- last 30 lines of %s -----%n", log);
                lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(err::println);
                err.println("-----");
            }
        } catch (IOException | UncheckedIOException e) {
            err.println("(cannot read it: " + e.getMessage() + ")");
        }
        err.flush();
    }

    private Exit failPart(String name, Path log) {
        showLog(name, log);
        err.println(STILL_RUNNING);
        err.flush();
        return new Exit(1);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Settings

    /** The environment variable {@code name}, or {@code otherwise} when it is unset or empty (bash's ${NAME:-...}). */
    private String env(String name, String otherwise) {
        String value = environment.get(name);
        return value == null || value.isEmpty() ? otherwise : value;
    }

    private List<StackService> services() throws IOException {
        return StackService.selected(root, environment.get("STACK_SERVICES"));
    }

    /** The services' JVM options: the stack's, then STACK_SERVICE_JAVA_OPTS, split at white space. */
    List<String> serviceJavaOptions() {
        List<String> options = new ArrayList<>(SERVICE_JAVA_OPTS);
        Arrays.stream(env("STACK_SERVICE_JAVA_OPTS", "").strip().split("\\s+"))
                .filter(option -> !option.isEmpty())
                .forEach(options::add);
        return options;
    }

    private String stackClassPath() {
        return root.resolve("stack/target/lib") + "/*:" + root.resolve("stack/target/classes");
    }

    /**
     * The environment of service {@code module} on top of this process's: the mail catcher (notification-service reads
     * spring.mail.*) unless the environment says where; auth-service's development token route (POST /dev/tokens, for
     * bin/token, Postman and the README), on in this stack only; its own Kafka user and database role; and what one
     * service needs of its own.
     */
    Map<String, String> serviceEnvironment(String module, String style) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_MAIL_HOST", env("SPRING_MAIL_HOST", "localhost"));
        env.put("SPRING_MAIL_PORT", env("SPRING_MAIL_PORT", Integer.toString(MAIL_SMTP_PORT)));
        env.put("ORDERFLOW_AUTH_DEV_TOKENS_ENABLED", env("ORDERFLOW_AUTH_DEV_TOKENS_ENABLED", "true"));
        env.put("ORDERFLOW_INTERACTION", style);
        String password = StackAccounts.secret(module, environment);
        env.put("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        env.put("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
        env.put(
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"%s\" password=\"%s\";"
                        .formatted(module, password));
        if (env("SPRING_DATASOURCE_URL", "").isEmpty()) {
            env.put("SPRING_DATASOURCE_USERNAME", module.replace('-', '_'));
            env.put("SPRING_DATASOURCE_PASSWORD", password);
        }
        if (module.equals("fulfillment-service")) {
            env.put("ORDERFLOW_FULFILLMENT_DESTINATIONS_SECRET_KEY", fulfillmentSecretKey());
            // fulfillment-service's demo warehouse receiver (us-warehouse, Basic user "warehouse") takes this password
            env.put(
                    "ORDERFLOW_FULFILLMENT_DEMO_PASSWORD",
                    env("ORDERFLOW_FULFILLMENT_DEMO_PASSWORD", "warehouse-dev-password"));
            // the operator console's login (http://localhost:8085/console, user admin): without it the console is off
            env.put("ORDERFLOW_CONSOLE_PASSWORD", env("ORDERFLOW_CONSOLE_PASSWORD", "{noop}console-dev-password"));
            // the dead-letter redrive sends as fulfillment-redrive, the one principal besides the publishers that may
            // write billing and payment (docs/adr/0010-least-privilege.md)
            env.put(
                    "ORDERFLOW_FULFILLMENT_REDRIVE_KAFKA_PASSWORD",
                    StackAccounts.secret("fulfillment-redrive", environment));
        }
        return env;
    }

    /**
     * fulfillment-service's AES-256 key for connection secrets at rest: Base64 of 32 random bytes, made once per stack
     * in .stack/conf (never committed; kept across restarts, since the stored demo connection was encrypted with it;
     * reset deletes it with the data). ORDERFLOW_FULFILLMENT_DESTINATIONS_SECRET_KEY in the environment wins.
     */
    private String fulfillmentSecretKey() {
        String own = env("ORDERFLOW_FULFILLMENT_DESTINATIONS_SECRET_KEY", "");
        if (!own.isEmpty()) {
            return own;
        }
        Path file = conf.resolve("fulfillment-secret-key");
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                Files.createDirectories(conf);
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path temporary = conf.resolve("fulfillment-secret-key.tmp");
                Files.deleteIfExists(temporary);
                Files.createFile(
                        temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temporary, Base64.getEncoder().encodeToString(key));
                Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The interaction style of the running services, if any run. */
    private Optional<String> runningInteraction() throws IOException {
        Path file = state.resolve("interaction");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Files.readString(file).strip()).filter(style -> !style.isEmpty());
    }

    /** One {@code up}, {@code down} or {@code reset} at a time. */
    private FileLock lock() throws IOException {
        Files.createDirectories(state);
        FileChannel channel =
                FileChannel.open(state.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        Instant deadline = Instant.now().plusSeconds(300);
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (Instant.now().isAfter(deadline)) {
                throw die("another bin/stack is still running");
            }
            StackProcesses.sleep(Duration.ofMillis(200));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // up

    private void up(List<String> args) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Optional<String> asked;
        Optional<Path> prometheus = prometheusAsked(args);
        try {
            asked = parseUp(LocalPrometheus.without(args));
        } catch (IllegalArgumentException e) {
            throw die(e.getMessage());
        }
        String style = asked.or(
                        () -> Optional.of(env("ORDERFLOW_INTERACTION", "")).filter(s -> !s.isEmpty()))
                .or(this::runningInteractionUnchecked)
                .orElse("events");
        if (!STYLES.contains(style)) {
            throw die("unknown interaction style '%s': events, mixed or http".formatted(style));
        }
        Optional<String> runningStyle = runningInteraction();
        if (runningStyle.isPresent() && !runningStyle.get().equals(style)) {
            for (StackService service : services()) {
                if (processes.isRunning(service.module())) {
                    throw die(("the services run in the %s interaction style; bin/stack down first (data survives),"
                                    + " then bin/stack up --interaction %s")
                            .formatted(runningStyle.get(), style));
                }
            }
        }
        Files.createDirectories(state);
        Files.writeString(state.resolve("interaction"), style + "\n");
        for (Path dir : List.of(pids, logs, data, cache)) {
            Files.createDirectories(dir);
        }
        boolean localPostgres = env("SPRING_DATASOURCE_URL", "").isEmpty();

        // 1. Build what is missing or stale (a running service keeps its jar until it is restarted). bin/stack has
        // built this module already.
        List<String> toBuild = new ArrayList<>();
        for (StackService service : services()) {
            if (processes.isRunning(service.module())) {
                continue;
            }
            Optional<Path> jar = Staleness.jarOf(root, service.module());
            if (jar.isEmpty() || Staleness.isStale(root, service.module(), jar.get())) {
                toBuild.add(service.module());
            }
        }
        build(toBuild);
        if (!Files.isDirectory(root.resolve("stack/target/lib"))) {
            throw die("stack/target/lib is missing: build the stack module (./mvnw -pl stack package)");
        }
        StartupCaches caches = new StartupCaches(
                cache,
                logs,
                javaCommand,
                Runtime.version().feature(),
                env("STACK_NO_CACHE", "").equals("1"));

        // 2. PostgreSQL and Kafka, side by side (PostgreSQL first: Kafka's first start formats its storage meanwhile).
        boolean startedPostgres = false;
        boolean startedKafka = false;
        boolean startedMail = false;
        if (localPostgres && !processes.isRunning("postgres")) {
            if (Health.portOpen(POSTGRES_PORT)
                    && StackProcesses.postmaster(data.resolve("postgres")).isEmpty()) {
                throw die(("port %d is taken by a PostgreSQL that bin/stack did not start; stop it, or use it with"
                                + " SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:%d/orderflow (and"
                                + " SPRING_DATASOURCE_USERNAME/PASSWORD)")
                        .formatted(POSTGRES_PORT, POSTGRES_PORT));
            }
            startPostgres();
            startedPostgres = true;
        }
        if (!processes.isRunning("kafka")) {
            if (Health.portOpen(KAFKA_PORT)) {
                throw die("port %d is taken by a process that bin/stack did not start; stop it first"
                        .formatted(KAFKA_PORT));
            }
            startKafka(caches);
            startedKafka = true;
        }
        if (!processes.isRunning("mail")) {
            for (int port : List.of(MAIL_SMTP_PORT, MAIL_HTTP_PORT)) {
                if (Health.portOpen(port)) {
                    throw die("port %d (for the mail catcher) is taken by a process that bin/stack did not start"
                            .formatted(port));
                }
            }
            startMail();
            startedMail = true;
        }
        if (startedKafka) {
            waitForLine("kafka", "Kafka Server started", Duration.ofSeconds(60));
        }
        if (startedPostgres) {
            waitForLine("postgres", LocalPostgres.READY, Duration.ofSeconds(90));
        }
        if (startedMail) {
            waitForLine("mail", "LocalMail ready", Duration.ofSeconds(60));
        }

        // 3. The services' Kafka users and ACLs, and the topics, as the admin, while the start-up caches are prepared;
        // the services start once it is done, as they may do nothing on the broker before. Without arguments: every
        // topic of common-events' Topics, and its DLT.
        Path adminProperties = conf.resolve("admin.properties");
        if (!Files.exists(adminProperties)) {
            throw die(".stack/conf/admin.properties is missing while Kafka runs: bin/stack down, then up");
        }
        Path setupLog = logs.resolve("kafka-setup.log");
        Process setupProcess = startLogged(
                tool(
                        TOOL_JAVA_OPTS,
                        null,
                        "dev.orderflow.stack.SetUpKafka",
                        "localhost:" + KAFKA_PORT,
                        adminProperties.toString()),
                setupLog,
                null);

        // 4. Services, all at once.
        Map<StackService, Path> toStart = new LinkedHashMap<>();
        for (StackService service : services()) {
            if (processes.isRunning(service.module())) {
                continue;
            }
            Path jar = Staleness.jarOf(root, service.module())
                    .orElseThrow(() -> die("%s has no jar in %s/target (the build did not make one?)"
                            .formatted(service.module(), service.module())));
            if (Health.portOpen(service.port())) {
                throw die("port %d (for %s) is taken by a process that bin/stack did not start"
                        .formatted(service.port(), service.module()));
            }
            toStart.put(service, jar);
        }
        if (!toStart.isEmpty()) {
            prepareCaches(caches, toStart, style);
            if (setupProcess.waitFor() != 0) {
                throw failPart("Setting up Kafka's users, ACLs and topics", setupLog);
            }
            for (var entry : toStart.entrySet()) {
                String module = entry.getKey().module();
                StartupCaches.Launch launch = caches.launch(module, entry.getValue(), serviceJavaOptions());
                // Static group membership: the stack runs one instance of each service, so after a crash the
                // restarted one takes its partitions back at once instead of waiting out the dead consumer's 45 s
                // session (bin/crash-check).
                List<String> command = java(
                        Stream.concat(serviceJavaOptions().stream(), launch.cacheOptions().stream())
                                .toList(),
                        "-Dorderflow.stack=" + module,
                        "-Dspring.kafka.consumer.properties.group.instance.id=" + module,
                        "-jar",
                        launch.jar().toString());
                processes.start(
                        module, logs.resolve(module + ".log"), command, serviceEnvironment(module, style), null);
            }
            waitHealthy(List.copyOf(toStart.keySet()));
        }
        if (setupProcess.waitFor() != 0) {
            throw failPart("Setting up Kafka's users, ACLs and topics", setupLog);
        }
        boolean startedPrometheus = prometheus.isPresent() && startPrometheus(prometheus.get());

        printTable();
        say("Interaction style: " + terminal.bold(style));
        if (!startedKafka && !startedPostgres && !startedMail && toStart.isEmpty() && !startedPrometheus) {
            say(terminal.green("Everything was already running."));
        } else {
            say(terminal.green("Up in %d s."
                            .formatted(Duration.ofNanos(System.nanoTime() - started)
                                    .toSeconds())) + " bin/stack down stops it; bin/stack logs NAME shows a log.");
        }
    }

    private Optional<String> runningInteractionUnchecked() {
        try {
            return runningInteraction();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Packages those modules and what they need, quietly; on failure, the tail of the build log. */
    private void build(List<String> modules) throws IOException, InterruptedException {
        if (modules.isEmpty()) {
            return;
        }
        if (env("STACK_NO_BUILD", "").equals("1")) {
            warn("not building %s (STACK_NO_BUILD=1)".formatted(String.join(" ", modules)));
            return;
        }
        Path log = logs.resolve("build.log");
        Files.createDirectories(logs);
        long started = System.nanoTime();
        String list = String.join(",", new LinkedHashSet<>(modules));
        out.print("building " + list + " ... ");
        out.flush();
        int status = startLogged(
                        List.of(
                                root.resolve("mvnw").toString(),
                                "-q",
                                "-B",
                                "-DskipTests",
                                "-Dspotless.check.skip=true",
                                "-pl",
                                list,
                                "-am",
                                "package"),
                        log,
                        root)
                .waitFor();
        if (status != 0) {
            say(terminal.red("failed"));
            showLog("The build", log);
            throw new Exit(1);
        }
        say("done in %ds"
                .formatted(Duration.ofNanos(System.nanoTime() - started).toSeconds()));
        // Maven leaves an up-to-date jar as it is; mark it as built from what is there now.
        FileTime now = FileTime.from(Instant.now());
        for (String module : modules) {
            Optional<Path> jar = Staleness.jarOf(root, module);
            if (jar.isPresent()) {
                Files.setLastModifiedTime(jar.get(), now);
            }
        }
    }

    /** The start-up caches that are missing, made side by side, each in its own training JVM. */
    private void prepareCaches(StartupCaches caches, Map<StackService, Path> services, String style)
            throws IOException, InterruptedException {
        Map<String, Path> needed = new LinkedHashMap<>();
        for (var entry : services.entrySet()) {
            if (caches.needed(entry.getKey().module(), entry.getValue(), serviceJavaOptions())) {
                needed.put(entry.getKey().module(), entry.getValue());
            }
        }
        if (needed.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        out.print("preparing the start-up cache of %s (once per build) ... "
                .formatted(String.join(" ", needed.keySet())));
        out.flush();
        Map<String, Boolean> ready = new ConcurrentHashMap<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> trainings = new ArrayList<>();
            for (var entry : needed.entrySet()) {
                String module = entry.getKey();
                trainings.add(executor.submit(() -> {
                    ready.put(
                            module,
                            caches.make(
                                    module, entry.getValue(), serviceJavaOptions(), serviceEnvironment(module, style)));
                    return null;
                }));
            }
            for (Future<?> training : trainings) {
                try {
                    training.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // counted as failed below; the service starts from its jar
                }
            }
        }
        say("done in %ds"
                .formatted(Duration.ofNanos(System.nanoTime() - started).toSeconds()));
        List<String> failed = needed.keySet().stream()
                .filter(module -> !ready.getOrDefault(module, false))
                .toList();
        if (!failed.isEmpty()) {
            warn("no start-up cache for %s (see .stack/logs/<service>-training.log); starting from the jar"
                    .formatted(String.join(" ", failed)));
        }
    }

    private Path log(String name) {
        return logs.resolve(name + ".log");
    }

    /** This JVM's {@code java} with {@code options}, then {@code rest}: a class path and main class, or a jar. */
    private List<String> java(List<String> options, String... rest) {
        List<String> command = new ArrayList<>(List.of(javaCommand));
        command.addAll(options);
        command.addAll(List.of(rest));
        return command;
    }

    /**
     * One of the stack module's own programs: {@code mainClass} with {@code arguments}, on the module's class path;
     * named {@code -Dorderflow.stack=NAME} when it is one of the processes bin/stack starts and stops.
     */
    private List<String> tool(List<String> options, String name, String mainClass, String... arguments) {
        List<String> command = java(options);
        if (name != null) {
            command.add("-Dorderflow.stack=" + name);
        }
        command.addAll(List.of("-cp", stackClassPath(), mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    /** Starts a process that ends by itself, standard input empty, its output in {@code log}. */
    private static Process startLogged(List<String> command, Path log, Path directory) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(log.toFile())
                .redirectErrorStream(true);
        return (directory == null ? builder : builder.directory(directory.toFile())).start();
    }

    private void startKafka(StartupCaches caches) throws IOException, InterruptedException {
        // The broker's configuration (SASL, ACLs) and, on the first start, its storage with the admin's credential.
        Path formatLog = logs.resolve("kafka-format.log");
        List<String> prepare = tool(
                TOOL_JAVA_OPTS,
                null,
                "dev.orderflow.stack.LocalKafka",
                "--port",
                Integer.toString(KAFKA_PORT),
                "--controller-port",
                Integer.toString(KAFKA_CONTROLLER_PORT),
                "--config-dir",
                conf.toString(),
                "--data-dir",
                data.resolve("kafka").toString());
        int status = startLogged(prepare, formatLog, null).waitFor();
        if (status != 0) {
            throw failPart("Preparing Kafka's configuration and storage", formatLog);
        }
        for (String line : Files.readAllLines(formatLog, StandardCharsets.ISO_8859_1)) {
            if (line.startsWith("moved ")) {
                warn(line.replaceFirst("; .*", ""));
            }
        }
        List<Path> classPath;
        try (Stream<Path> jars = Files.list(root.resolve("stack/target/lib"))) {
            classPath = jars.filter(jar -> jar.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        }
        // Kafka's start-up cache needs a class path of plain jars.
        List<String> command = java(
                Stream.concat(KAFKA_JAVA_OPTS.stream(), caches.kafkaOptions(classPath, KAFKA_JAVA_OPTS).stream())
                        .toList(),
                "-Dorderflow.stack=kafka",
                "-Dlog4j2.configurationFile=" + root.resolve("stack/target/classes/log4j2.properties"),
                "-cp",
                String.join(":", classPath.stream().map(Path::toString).toList()),
                "kafka.Kafka",
                conf.resolve("server.properties").toString());
        processes.start("kafka", log("kafka"), command, Map.of(), null);
    }

    private void startPostgres() throws IOException {
        processes.stopOrphanPostmaster(data.resolve("postgres"));
        List<String> command = tool(
                POSTGRES_JAVA_OPTS,
                "postgres",
                "dev.orderflow.stack.LocalPostgres",
                "--port",
                Integer.toString(POSTGRES_PORT),
                "--data-dir",
                data.resolve("postgres").toString(),
                "--work-dir",
                cache.resolve("postgres").toString());
        processes.start("postgres", log("postgres"), command, Map.of(), null);
    }

    private void startMail() throws IOException {
        List<String> command = tool(
                MAIL_JAVA_OPTS,
                "mail",
                "dev.orderflow.stack.LocalMail",
                "--smtp-port",
                Integer.toString(MAIL_SMTP_PORT),
                "--http-port",
                Integer.toString(MAIL_HTTP_PORT));
        processes.start("mail", log("mail"), command, Map.of(), null);
    }

    /** Until NAME's log has {@code text}; NAME ending, or the timeout, fails. */
    private void waitForLine(String name, String text, Duration timeout) throws IOException {
        Path log = log(name);
        Instant deadline = Instant.now().plus(timeout);
        while (!(Files.exists(log) && StartupCaches.contains(log, text))) {
            if (!processes.isRunning(name)) {
                throw failPart(name, log);
            }
            if (Instant.now().isAfter(deadline)) {
                throw failPart("%s (not ready after %d s)".formatted(name, timeout.toSeconds()), log);
            }
            StackProcesses.sleep(Duration.ofMillis(100));
        }
    }

    /** Until every one of {@code services} answers UP; a process that ends, or the timeout, fails. */
    private void waitHealthy(List<StackService> services) {
        long seconds = Long.parseLong(env("STACK_HEALTH_TIMEOUT", "90").strip());
        Instant started = Instant.now();
        Instant deadline = started.plusSeconds(seconds);
        Instant lastReport = Instant.MIN;
        List<StackService> pending = new ArrayList<>(services);
        while (true) {
            List<StackService> still = new ArrayList<>();
            for (StackService service : pending) {
                if (health.isUp(service.port(), "/actuator/health")) {
                    continue;
                }
                if (!processes.isRunning(service.module())) {
                    if (terminal.tty()) {
                        out.print("\r\033[K");
                    }
                    throw failPart(service.module() + " (exited before it was healthy)", log(service.module()));
                }
                still.add(service);
            }
            pending = still;
            if (pending.isEmpty()) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                if (terminal.tty()) {
                    out.print("\r\033[K");
                }
                for (StackService service : pending) {
                    showLog(
                            "%s (not healthy after %ds; health: %s)"
                                    .formatted(
                                            service.module(),
                                            seconds,
                                            health.status(service.port()).orElse("")),
                            log(service.module()));
                }
                err.println(STILL_RUNNING);
                throw new Exit(1);
            }
            String names =
                    String.join(" ", pending.stream().map(StackService::module).toList());
            long waited = Duration.between(started, Instant.now()).toSeconds();
            if (terminal.tty()) {
                out.printf("\r\033[Kwaiting for %s (%ds)", names, waited);
                out.flush();
            } else if (Duration.between(lastReport, Instant.now()).toSeconds() >= 10) {
                out.printf("waiting for %s (%ds)%n", names, waited);
                out.flush();
                lastReport = Instant.now();
            }
            StackProcesses.sleep(Duration.ofMillis(250));
        }
        if (terminal.tty()) {
            out.print("\r\033[K");
            out.flush();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // up --with-prometheus

    /**
     * The prometheus binary when {@code up}'s arguments ask for it; without one, exit 2 before anything starts, with a
     * message that says what to install.
     */
    private Optional<Path> prometheusAsked(List<String> args) {
        if (!LocalPrometheus.asked(args)) {
            return Optional.empty();
        }
        Optional<Path> binary = LocalPrometheus.binary(environment);
        if (binary.isEmpty()) {
            out.flush();
            err.println(terminal.red(LocalPrometheus.MISSING));
            err.flush();
            throw new Exit(2);
        }
        return binary;
    }

    /** Starts Prometheus unless it runs, and waits until it is ready; true when it started it. */
    private boolean startPrometheus(Path binary) throws IOException {
        if (processes.isRunning(LocalPrometheus.NAME)) {
            return false;
        }
        if (Health.portOpen(LocalPrometheus.PORT)) {
            throw die("port %d (for Prometheus) is taken by a process that bin/stack did not start"
                    .formatted(LocalPrometheus.PORT));
        }
        Files.createDirectories(data.resolve(LocalPrometheus.NAME));
        // its own process, not its name, tells whether it ended: while bash turns into Prometheus, /proc shows neither
        Process process = processes.start(
                LocalPrometheus.NAME, log(LocalPrometheus.NAME), LocalPrometheus.command(binary, root), Map.of(), root);
        Instant deadline = Instant.now().plusSeconds(60);
        while (!LocalPrometheus.ready()) {
            if (!process.isAlive()) {
                throw failPart(LocalPrometheus.NAME, log(LocalPrometheus.NAME));
            }
            if (Instant.now().isAfter(deadline)) {
                throw failPart("prometheus (not ready after 60 s)", log(LocalPrometheus.NAME));
            }
            StackProcesses.sleep(Duration.ofMillis(200));
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // status

    private void printTable() throws IOException {
        List<StatusTable.Row> rows = new ArrayList<>();
        rows.add(row("kafka", "localhost:" + KAFKA_PORT, () -> Health.portOpen(KAFKA_PORT) ? "UP" : "DOWN"));
        String externalPostgres = env("SPRING_DATASOURCE_URL", "");
        if (externalPostgres.isEmpty()) {
            rows.add(row(
                    "postgres",
                    "jdbc:postgresql://localhost:%d/orderflow".formatted(POSTGRES_PORT),
                    () -> Health.portOpen(POSTGRES_PORT) ? "UP" : "DOWN"));
        } else {
            rows.add(new StatusTable.Row("postgres", false, "external", externalPostgres, 0, 0, ""));
        }
        rows.add(row(
                "mail",
                "smtp://localhost:%d http://localhost:%d".formatted(MAIL_SMTP_PORT, MAIL_HTTP_PORT),
                () -> Health.portOpen(MAIL_SMTP_PORT) && health.isUp(MAIL_HTTP_PORT, "/health") ? "UP" : "DOWN"));
        for (StackService service : services()) {
            rows.add(row(service.module(), "http://localhost:" + service.port(), () -> health.status(service.port())
                    .orElse("STARTING")));
        }
        if (processes.pidOf(LocalPrometheus.NAME).isPresent()) {
            rows.add(row(
                    LocalPrometheus.NAME,
                    "http://localhost:" + LocalPrometheus.PORT,
                    () -> LocalPrometheus.ready() ? "UP" : "STARTING"));
        }
        StatusTable.lines(rows, terminal).forEach(out::println);
        out.flush();
    }

    private StatusTable.Row row(String name, String url, java.util.function.Supplier<String> healthOfRunning) {
        String log = ".stack/logs/" + name + ".log";
        OptionalLong pid = processes.pidOf(name);
        if (!processes.isRunning(name) || pid.isEmpty()) {
            return StatusTable.Row.stopped(name, url, log);
        }
        List<Long> measured = new ArrayList<>(List.of(pid.getAsLong()));
        if (name.equals("postgres")) {
            // the postmaster and its backends, besides the JVM that started them
            StackProcesses.postmaster(data.resolve("postgres")).ifPresent(postmaster -> {
                measured.add(postmaster.pid());
                postmaster.children().forEach(child -> measured.add(child.pid()));
            });
        }
        return new StatusTable.Row(
                name, true, healthOfRunning.get(), url, pid.getAsLong(), Memory.kilobytes(measured), log);
    }

    private void status() throws IOException {
        printTable();
        Optional<String> style = runningInteraction();
        if (style.isPresent()) {
            say("Interaction style: " + terminal.bold(style.get()));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // down, reset

    private void down() throws IOException, InterruptedException {
        boolean stopped = false;
        // Prometheus first: it scrapes the services and would only record them going away.
        if (processes.isRunning(LocalPrometheus.NAME)) {
            processes.stop(LocalPrometheus.NAME, Duration.ofSeconds(30));
            stopped = true;
        }
        Files.deleteIfExists(processes.pidFile(LocalPrometheus.NAME));
        // Services first, all at once, so that none of them loses Kafka or its database while it is still working.
        // Every service that runs, whatever STACK_SERVICES says and whether or not its module is still in the build.
        List<String> running = StackService.ALL.stream()
                .map(StackService::module)
                .filter(processes::isRunning)
                .toList();
        if (!running.isEmpty()) {
            stopped = true;
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (String module : running) {
                    executor.submit(() -> {
                        processes.stop(module, Duration.ofSeconds(30));
                        return null;
                    });
                }
            }
        }
        if (processes.isRunning("mail")) {
            processes.stop("mail", Duration.ofSeconds(15));
            stopped = true;
        }
        if (processes.isRunning("kafka")) {
            processes.stop("kafka", Duration.ofSeconds(90));
            new StartupCaches(cache, logs, javaCommand, Runtime.version().feature(), false).kafkaStopped(log("kafka"));
            stopped = true;
        }
        if (processes.isRunning("postgres")) {
            processes.stop("postgres", Duration.ofSeconds(30));
            stopped = true;
        }
        processes.stopOrphanPostmaster(data.resolve("postgres"));
        Files.deleteIfExists(state.resolve("interaction"));
        say(stopped ? "Stopped. Data survives in .stack/data until bin/stack reset." : "Nothing was running.");
    }

    private void reset() throws IOException, InterruptedException {
        down();
        for (Path dir : List.of(data, cache, conf)) {
            StartupCaches.deleteTree(dir);
        }
        say("Deleted .stack/data and .stack/cache.");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // logs, mail

    private int logs(List<String> args) throws IOException, InterruptedException {
        LogsRequest request;
        try {
            request = LogsRequest.parse(args);
        } catch (IllegalArgumentException e) {
            throw die(e.getMessage());
        }
        Path log = log(request.name());
        if (!Files.isRegularFile(log)) {
            List<String> names = new ArrayList<>(List.of("kafka", "postgres", "mail"));
            services().forEach(service -> names.add(service.module()));
            throw die("no log for %s at .stack/logs/%s.log (names: %s)"
                    .formatted(request.name(), request.name(), String.join(", ", names)));
        }
        if (request.follow()) {
            return new ProcessBuilder("tail", "-n", "100", "-F", log.toString())
                    .inheritIO()
                    .start()
                    .waitFor();
        }
        out.flush();
        Files.copy(log, out);
        out.flush();
        return 0;
    }

    /**
     * The latest e-mails the mail catcher caught, as text; CUSTOMER is a customer id (the e-mails to the contact
     * address notification-service has for it) or an address. Exits 22 on an error answer, as curl --fail does.
     */
    private int mail(List<String> args) throws IOException, InterruptedException {
        MailRequest request;
        try {
            request = MailRequest.parse(args);
        } catch (IllegalArgumentException e) {
            throw die(e.getMessage());
        }
        if (!processes.isRunning("mail")) {
            throw die("the mail catcher is not running; bin/stack up starts it");
        }
        URI uri = URI.create("http://localhost:%d/messages?customer=%s&limit=%d"
                .formatted(
                        MAIL_HTTP_PORT,
                        URLEncoder.encode(request.customer(), StandardCharsets.UTF_8),
                        request.limit()));
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            out.print(response.body());
            out.flush();
            if (response.statusCode() >= 400) {
                err.println("bin/stack mail: the mail catcher answered " + response.statusCode());
                return 22;
            }
            return 0;
        }
    }
}
