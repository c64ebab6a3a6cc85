package dev.orderflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/trace} on a stack's logs: an order placed before a service restarted has its first lines in the run
 * before's log ({@code <service>.log.1}, kept by {@code bin/stack}), and its trace reads on from there in time order.
 */
class TraceScriptTest {

    private static final String TRACE = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path logs;

    @Test
    void followsAnOrderAcrossARestartInTimeOrder() throws Exception {
        log("order-service.log.1", line("10:00:01", "Placed order o-1", "o-1"));
        log("order-service.log", line("10:00:03", "Paid o-1", null));
        log("billing-service.log", line("10:00:02", "Charged", null), line("10:00:04", "Someone else's", "o-2"));

        List<String> trace = trace("o-1");

        assertThat(trace).hasSize(3);
        assertThat(trace.get(0)).contains("order-service", "Placed order o-1", "[orderId=o-1]");
        assertThat(trace.get(1)).contains("billing-service", "Charged");
        assertThat(trace.get(2)).contains("order-service", "Paid o-1");
    }

    private void log(String file, String... lines) throws IOException {
        Files.write(logs.resolve(file), List.of(lines), StandardCharsets.UTF_8);
    }

    private static String line(String time, String message, String orderId) {
        String trace = orderId == null || orderId.equals("o-1") ? TRACE : "fedcba9876543210fedcba9876543210";
        return "{\"@timestamp\":\"2026-11-29T" + time + "Z\",\"log.level\":\"INFO\",\"message\":\"" + message
                + "\",\"traceId\":\"" + trace + "\"" + (orderId == null ? "" : ",\"orderId\":\"" + orderId + "\"")
                + "}";
    }

    private List<String> trace(String id) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        ProcessBuilder builder = new ProcessBuilder(root.resolve("bin/trace").toString(), id).redirectErrorStream(true);
        builder.environment().put("STACK_LOGS", logs.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
