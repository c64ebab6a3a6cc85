package dev.orderflow.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackProcessesTest {

    @TempDir
    Path dir;

    final List<String> warnings = new ArrayList<>();
    final List<Process> started = new ArrayList<>();

    StackProcesses processes() {
        return new StackProcesses(dir.resolve("pids"), warnings::add);
    }

    @AfterEach
    void stopWhatTheTestStarted() {
        started.forEach(Process::destroyForcibly);
    }

    /** A JVM that idles, carrying {@code -Dorderflow.stack=NAME} as bin/stack's processes do. */
    List<String> idleJvm(String name) {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx16m",
                "-XX:TieredStopAtLevel=1",
                "-Dorderflow.stack=" + name,
                "-cp",
                System.getProperty("java.class.path"),
                Idle.class.getName());
    }

    @Test
    void aStalePidFileNeverStopsTheUnrelatedProcessThatGotItsPid() throws Exception {
        StackProcesses processes = processes();
        Files.createDirectories(dir.resolve("pids"));
        long unrelated = ProcessHandle.current().pid(); // alive, and no process of the stack
        Files.writeString(processes.pidFile("order-service"), unrelated + "\n");

        assertThat(processes.pidOf("order-service")).hasValue(unrelated);
        assertThat(processes.isRunning("order-service")).isFalse();

        processes.stop("order-service", Duration.ofSeconds(1));

        assertThat(ProcessHandle.current().isAlive()).isTrue();
        assertThat(processes.pidFile("order-service")).doesNotExist();
    }

    @Test
    void aProcessOfTheStackCountsOnlyUnderItsOwnName() throws Exception {
        StackProcesses processes = processes();
        Process process = processes.start(
                "order-service", dir.resolve("logs/order-service.log"), idleJvm("order-service"), Map.of(), null);
        started.add(process);
        Files.writeString(processes.pidFile("billing-service"), process.pid() + "\n");

        assertThat(processes.isRunning("order-service")).isTrue();
        assertThat(processes.isRunning("billing-service")).isFalse();
        assertThat(processes.isRunning("order")).isFalse();
    }

    @Test
    void writesThePidOfTheProcessItselfAsBinCrashCheckKillsIt() throws Exception {
        StackProcesses processes = processes();
        Process process = processes.start(
                "kafka", dir.resolve("logs/kafka.log"), idleJvm("kafka"), Map.of("IDLE_SAYS", "hello"), null);
        started.add(process);

        assertThat(processes.pidFile("kafka")).hasContent(process.pid() + "\n");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() ->
                        assertThat(dir.resolve("logs/kafka.log")).content().contains("hello"));
    }

    @Test
    void stopsAProcessAndForgetsItsPid() throws Exception {
        StackProcesses processes = processes();
        Process process = processes.start("mail", dir.resolve("logs/mail.log"), idleJvm("mail"), Map.of(), null);
        started.add(process);

        processes.stop("mail", Duration.ofSeconds(30));

        // gone as the system sees it; the Process object learns it from its reaper thread a moment later
        assertThat(process.onExit()).succeedsWithin(Duration.ofSeconds(5));
        assertThat(processes.pidFile("mail")).doesNotExist();
        assertThat(warnings).isEmpty();
    }

    @Test
    void keepsThePreviousRunsLogAside() throws Exception {
        StackProcesses processes = processes();
        Path log = dir.resolve("logs/mail.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "how the last run ended\n");

        started.add(processes.start("mail", log, idleJvm("mail"), Map.of(), null));

        assertThat(dir.resolve("logs/mail.log.1")).hasContent("how the last run ended");
        assertThat(log).content().doesNotContain("how the last run ended");
    }

    /**
     * {@code flock /tmp/orderflow-stack.lock bin/stack up} holds the lock through a descriptor that bin/stack inherits;
     * a started process that kept it would hold the lock after up has ended, and a later {@code flock ... down} would
     * wait for ever.
     */
    @Test
    void aStartedProcessKeepsNoDescriptorOfTheProcessThatStartedIt() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc (Linux)");
        Path lock = dir.resolve("orderflow-stack.lock");
        try (FileChannel held = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                var locked = held.lock()) {
            Process process = processes().start("mail", dir.resolve("logs/mail.log"), idleJvm("mail"), Map.of(), null);
            started.add(process);

            assertThat(openFiles(ProcessHandle.current().pid())).contains(lock);
            assertThat(openFiles(process.pid())).doesNotContain(lock);
        }
    }

    /** What the descriptors of process {@code pid} point at. */
    static List<Path> openFiles(long pid) throws IOException {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return descriptors
                    .map(fd -> {
                        try {
                            return Files.readSymbolicLink(fd);
                        } catch (IOException e) {
                            return fd; // closed meanwhile
                        }
                    })
                    .toList();
        }
    }

    @Test
    void aPostmasterPidFileCountsOnlyForAProcessThatNamesTheDataDirectory() throws Exception {
        Path data = Files.createDirectories(dir.resolve("postgres"));
        Files.writeString(
                data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + data + "\n");

        assertThat(StackProcesses.postmaster(data)).isEmpty();
    }

    @Test
    void noPidFileNoProcess() {
        assertThat(processes().pidOf("kafka")).isEmpty();
        assertThat(processes().isRunning("kafka")).isFalse();
    }

    /** Prints IDLE_SAYS, then waits to be stopped. */
    public static final class Idle {

        public static void main(String[] args) throws InterruptedException {
            System.out.println(System.getenv().getOrDefault("IDLE_SAYS", "idle"));
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
