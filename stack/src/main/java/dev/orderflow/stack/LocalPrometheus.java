package dev.orderflow.stack;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bin/stack up --with-prometheus}: Debian's {@code prometheus} (the package of that name) as one more process
 * of the stack, scraping the services with {@code docker/prometheus/prometheus-local.yml} and its alert rules, its data
 * in {@code .stack/data/prometheus}, its UI on http://localhost:9090. Without the binary, {@code up} starts nothing.
 */
final class LocalPrometheus {

    static final String NAME = "prometheus";
    static final String OPTION = "--with-prometheus";
    static final int PORT = 9090;
    static final String MISSING = "bin/stack up --with-prometheus needs Prometheus, and there is no prometheus"
            + " command on the PATH: install Debian's prometheus package (apt-get install prometheus), or start"
            + " without --with-prometheus";

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private LocalPrometheus() {}

    /** Whether {@code up}'s arguments ask for Prometheus. */
    static boolean asked(List<String> args) {
        return args.contains(OPTION);
    }

    /** {@code up}'s arguments without the Prometheus option. */
    static List<String> without(List<String> args) {
        return args.stream().filter(arg -> !arg.equals(OPTION)).toList();
    }

    /** The {@code prometheus} executable on {@code PATH}, as a shell would find it. */
    static Optional<Path> binary(Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, NAME);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The command that runs {@code binary} as the stack's {@code prometheus}. bin/stack knows its processes by the
     * argument {@code -Dorderflow.stack=NAME} ({@link StackProcesses}), which Prometheus would refuse as an unknown flag,
     * so bash puts it in the process's argument 0 and replaces itself with Prometheus: the pid and the signals that
     * {@code down} sends are Prometheus's own.
     */
    static List<String> command(Path binary, Path root) {
        List<String> command = new ArrayList<>(
                List.of("bash", "-c", "exec -a \"$0\" \"$@\"", "-Dorderflow.stack=" + NAME, binary.toString()));
        command.addAll(List.of(
                "--config.file=" + root.resolve("docker/prometheus/prometheus-local.yml"),
                "--storage.tsdb.path=" + root.resolve(".stack/data/prometheus"),
                "--web.listen-address=localhost:" + PORT));
        return command;
    }

    /** Whether Prometheus is ready to serve queries (it has read its configuration and its data). */
    static boolean ready() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/-/ready"))
                .timeout(TIMEOUT)
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
