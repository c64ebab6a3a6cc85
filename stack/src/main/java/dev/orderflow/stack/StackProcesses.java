package dev.orderflow.stack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The processes bin/stack starts and stops, each known by its name through {@code .stack/pids/NAME.pid}. Every one of
 * them carries {@code -Dorderflow.stack=NAME} on its command line, and a pid counts as NAME's only while the process
 * with it carries that argument: a pid file left by a crash never points at an unrelated process that got the same
 * pid later, so nothing else is ever stopped.
 */
final class StackProcesses {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Path pids;
    private final Consumer<String> warn;

    StackProcesses(Path pids, Consumer<String> warn) {
        this.pids = pids;
        this.warn = warn;
    }

    Path pidFile(String name) {
        return pids.resolve(name + ".pid");
    }

    /** The pid in NAME's pid file (its digits; bin/crash-check reads the file as well), if there is one. */
    OptionalLong pidOf(String name) {
        try {
            String digits = Files.readString(pidFile(name)).replaceAll("[^0-9]", "");
            return digits.isEmpty() || digits.length() > 18
                    ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(digits));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** True when NAME's pid file names a live process that carries {@code -Dorderflow.stack=NAME}. */
    boolean isRunning(String name) {
        OptionalLong pid = pidOf(name);
        return pid.isPresent() && carries(pid.getAsLong(), "-Dorderflow.stack=" + name);
    }

    /** The live process {@code pid}, when one of its arguments is exactly {@code argument}. */
    static boolean carries(long pid, String argument) {
        return commandLine(pid).map(args -> args.contains(argument)).orElse(false);
    }

    /** The arguments of process {@code pid}, program first: from /proc on Linux, else as the JDK sees them. */
    static Optional<List<String>> commandLine(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return Optional.empty();
        }
        Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
        if (Files.isReadable(cmdline)) {
            try {
                String all = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
                return Optional.of(Arrays.asList(all.split("\0")));
            } catch (IOException e) {
                return Optional.empty(); // it ended meanwhile
            }
        }
        ProcessHandle.Info info = handle.get().info();
        return info.command().map(command -> {
            List<String> args = new java.util.ArrayList<>();
            args.add(command);
            info.arguments().ifPresent(more -> args.addAll(Arrays.asList(more)));
            return args;
        });
    }

    /**
     * Starts {@code command} as NAME, in a session of its own where setsid exists (a Ctrl-C on {@code up} leaves it
     * alone), standard input empty, its output appended to {@code log} (the previous run's log kept as LOG.1, for a
     * look at how it ended), and writes its pid file. Returns once the process carries its name or has ended.
     */
    Process start(String name, Path log, List<String> command, Map<String, String> environment, Path directory)
            throws IOException {
        Files.createDirectories(pids);
        Files.createDirectories(log.getParent());
        if (Files.exists(log) && Files.size(log) > 0) {
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.write(log, new byte[0]);
        Files.deleteIfExists(pidFile(name));
        List<String> full = new java.util.ArrayList<>();
        if (setsid() != null) {
            // setsid, not the child of a group leader, makes the session and replaces itself: the pid stays the same
            full.add(setsid());
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(environment);
        Process process = builder.start();
        Files.writeString(pidFile(name), process.pid() + "\n");
        Instant deadline = Instant.now().plusSeconds(5);
        while (process.isAlive() && !isRunning(name) && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(20));
        }
        return process;
    }

    private static String setsid() {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    /** Stops NAME: SIGTERM, up to {@code timeout} to end, then SIGKILL. Removes the pid file either way. */
    void stop(String name, Duration timeout) throws IOException {
        OptionalLong pid = pidOf(name);
        if (!isRunning(name)) {
            Files.deleteIfExists(pidFile(name));
            return;
        }
        ProcessHandle.of(pid.getAsLong()).ifPresent(process -> {
            process.destroy();
            if (!waitGone(process, timeout)) {
                warn.accept("%s (pid %d) did not stop within %ds; killing it"
                        .formatted(name, process.pid(), timeout.toSeconds()));
                process.destroyForcibly();
                waitGone(process, Duration.ofSeconds(5));
            }
        });
        Files.deleteIfExists(pidFile(name));
    }

    static boolean waitGone(ProcessHandle process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (process.isAlive()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            sleep(POLL);
        }
        return true;
    }

    /**
     * The PostgreSQL server whose data directory is {@code dataDir}, found through its postmaster.pid: it outlives a
     * LocalPostgres JVM that was killed hard. Only a live process that names that directory counts.
     */
    static Optional<ProcessHandle> postmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            String digits = lines.isEmpty() ? "" : lines.getFirst().replaceAll("[^0-9]", "");
            if (digits.isEmpty() || digits.length() > 18) {
                return Optional.empty();
            }
            long pid = Long.parseLong(digits);
            boolean names = commandLine(pid)
                    .map(args -> String.join(" ", args).contains(dataDir.toString()))
                    .orElse(false);
            return names ? ProcessHandle.of(pid) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Stops a PostgreSQL server left over from an earlier run: fast shutdown (SIGINT), then immediate (SIGQUIT). */
    void stopOrphanPostmaster(Path dataDir) {
        postmaster(dataDir).ifPresent(process -> {
            warn.accept("stopping a PostgreSQL server left over from an earlier run (pid %d)".formatted(process.pid()));
            signal(process.pid(), "INT");
            if (!waitGone(process, Duration.ofSeconds(15))) {
                signal(process.pid(), "QUIT");
                waitGone(process, Duration.ofSeconds(5));
            }
        });
    }

    /** ProcessHandle sends only SIGTERM and SIGKILL; PostgreSQL's shutdown modes want others. */
    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            // no kill command: the server stays; up says so when the port is taken
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
