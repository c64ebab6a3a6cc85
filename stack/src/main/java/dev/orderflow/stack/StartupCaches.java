package dev.orderflow.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The start-up caches under {@code .stack/cache}. A service starts from its extracted jar with a JDK 25 AOT cache (JEP
 * 483/514/515), or an AppCDS archive on JDK 21-24, made by a training run that stops once the application context is
 * refreshed: once per jar, JDK and JVM options, lazily on {@code up}; when it cannot be made the service simply starts
 * from its jar, and it is not tried again for that jar. The broker (JDK 25+) records its cache on its first run and
 * writes it when it stops; later runs start from it.
 */
final class StartupCaches {

    /** How a service starts: which jar, with which cache options. */
    record Launch(Path jar, List<String> cacheOptions) {}

    private final Path cache;
    private final Path logs;
    private final String javaCommand;
    private final int javaMajor;
    private final boolean disabled;

    StartupCaches(Path cache, Path logs, String javaCommand, int javaMajor, boolean disabled) {
        this.cache = cache;
        this.logs = logs;
        this.javaCommand = javaCommand;
        this.javaMajor = javaMajor;
        this.disabled = disabled;
    }

    /** Which JDK exactly: a cache is only good for the JDK build that made it. */
    static String jdkId() {
        return String.join(
                " ",
                System.getProperty("java.home"),
                System.getProperty("java.runtime.version"),
                System.getProperty("java.vendor"));
    }

    /** What a service's cache depends on: the jar's content, the JDK, the JVM options. */
    static String key(List<Path> jars, List<String> javaOptions) throws IOException {
        CRC32 crc = new CRC32();
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        for (Path jar : jars) {
            try (InputStream in = Files.newInputStream(jar)) {
                for (int read; (read = in.read(buffer)) > 0; ) {
                    crc.update(buffer, 0, read);
                    size += read;
                }
            }
        }
        return "%d %d %s | %s".formatted(crc.getValue(), size, jdkId(), String.join(" ", javaOptions));
    }

    private Path dir(String module) {
        return cache.resolve(module);
    }

    /** The service's launch from its cache when that is ready for this jar, else from the jar itself. */
    Launch launch(String module, Path jar, List<String> javaOptions) throws IOException {
        Path dir = dir(module);
        if (disabled || !matches(dir.resolve("ready"), key(List.of(jar), javaOptions))) {
            return new Launch(jar, List.of());
        }
        Path extracted = dir.resolve("app").resolve(jar.getFileName());
        return new Launch(
                extracted,
                List.of(
                        javaMajor >= 25
                                ? "-XX:AOTCache=" + dir.resolve("app.aot")
                                : "-XX:SharedArchiveFile=" + dir.resolve("app.jsa")));
    }

    /** True when a cache has to be made: none is ready for this jar, and making one did not fail for it before. */
    boolean needed(String module, Path jar, List<String> javaOptions) throws IOException {
        if (disabled) {
            return false;
        }
        String key = key(List.of(jar), javaOptions);
        return !matches(dir(module).resolve("ready"), key)
                && !matches(dir(module).resolve("failed"), key);
    }

    /**
     * Makes the service's cache: extracts the jar, trains on it (C1 only: a third less work, and a cache as good for
     * start-up; the real runs use C2 as well), records the result as {@code ready} or {@code failed}. Returns whether
     * it is ready.
     */
    boolean make(String module, Path jar, List<String> javaOptions, Map<String, String> environment)
            throws IOException, InterruptedException {
        String key = key(List.of(jar), javaOptions);
        Path dir = dir(module);
        deleteTree(dir);
        Files.createDirectories(dir);
        Files.createDirectories(logs);
        Path log = logs.resolve(module + "-training.log");
        Files.write(log, new byte[0]);
        Path output = dir.resolve(javaMajor >= 25 ? "app.aot" : "app.jsa");
        boolean extracted = run(
                List.of(
                        javaCommand,
                        "-Djarmode=tools",
                        "-jar",
                        jar.toString(),
                        "extract",
                        "--destination",
                        dir.resolve("app").toString()),
                Map.of(),
                dir,
                log);
        List<String> training = new ArrayList<>(List.of(javaCommand));
        training.addAll(javaOptions);
        training.addAll(List.of(
                "-XX:TieredStopAtLevel=1",
                (javaMajor >= 25 ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + output,
                "-Dorderflow.stack=" + module + "-training",
                "-Dspring.context.exit=onRefresh",
                "-Dserver.port=0",
                "-jar",
                dir.resolve("app").resolve(jar.getFileName()).toString()));
        boolean ready =
                extracted && run(training, environment, dir, log) && Files.exists(output) && Files.size(output) > 0;
        Files.writeString(dir.resolve(ready ? "ready" : "failed"), key + "\n");
        return ready;
    }

    private static boolean run(List<String> command, Map<String, String> environment, Path directory, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        return builder.start().waitFor() == 0;
    }

    /**
     * The broker's cache options (JDK 25+): the cache when it is ready for these jars, JDK and options; else the
     * options that record one (its key noted in {@code recording} until {@link #kafkaStopped} sees it written).
     */
    List<String> kafkaOptions(List<Path> classPath, List<String> kafkaOptions) throws IOException {
        if (javaMajor < 25 || disabled) {
            return List.of();
        }
        Path dir = cache.resolve("kafka");
        Files.createDirectories(dir);
        String key = key(classPath, kafkaOptions);
        if (matches(dir.resolve("ready"), key)) {
            return List.of("-XX:AOTCache=" + dir.resolve("kafka.aot"));
        }
        Files.deleteIfExists(dir.resolve("ready"));
        Files.deleteIfExists(dir.resolve("kafka.aot"));
        Files.writeString(dir.resolve("recording"), key + "\n");
        return List.of("-XX:AOTCacheOutput=" + dir.resolve("kafka.aot"));
    }

    /** After the broker stopped: a recording run that stopped on its own and wrote its cache makes the cache ready. */
    void kafkaStopped(Path kafkaLog) throws IOException {
        Path dir = cache.resolve("kafka");
        Path recording = dir.resolve("recording");
        if (!Files.exists(recording)) {
            return;
        }
        Path aot = dir.resolve("kafka.aot");
        boolean written = Files.exists(aot)
                && Files.size(aot) > 0
                && Files.exists(kafkaLog)
                && contains(kafkaLog, "AOTCache creation is complete");
        if (written) {
            Files.move(recording, dir.resolve("ready"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(recording);
            Files.deleteIfExists(aot);
        }
    }

    static boolean contains(Path file, String text) throws IOException {
        try (Stream<String> lines = Files.lines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.anyMatch(line -> line.contains(text));
        }
    }

    private static boolean matches(Path file, String key) throws IOException {
        return Files.isRegularFile(file) && Files.readString(file).strip().equals(key);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path path : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
