package dev.orderflow.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackTest {

    @TempDir
    Path root;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void anEmptyBuild() throws Exception {
        Files.writeString(root.resolve("pom.xml"), "<modules></modules>");
    }

    Stack stack(Map<String, String> environment) {
        return new Stack(
                root,
                environment,
                new Terminal(false),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void upTakesAnInteractionStyleInEitherSpelling() {
        assertThat(Stack.parseUp(List.of("--interaction", "mixed"))).contains("mixed");
        assertThat(Stack.parseUp(List.of("--interaction=http"))).contains("http");
        assertThat(Stack.parseUp(List.of())).isEmpty();
        assertThatThrownBy(() -> Stack.parseUp(List.of("--interaction")))
                .hasMessage("usage: bin/stack up [--interaction events|mixed|http] [--with-prometheus]");
        assertThatThrownBy(() -> Stack.parseUp(List.of("--fast"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void upTakesWithPrometheusBesideAnInteractionStyle() {
        List<String> args = List.of("--with-prometheus", "--interaction", "http");

        assertThat(LocalPrometheus.asked(args)).isTrue();
        assertThat(Stack.parseUp(LocalPrometheus.without(args))).contains("http");
        assertThat(LocalPrometheus.asked(List.of("--interaction", "http"))).isFalse();
    }

    @Test
    void upWithPrometheusButWithoutItsBinarySaysWhatToInstallAndStartsNothing() throws Exception {
        Path emptyPath = Files.createDirectories(root.resolve("bin-without-prometheus"));

        assertThatThrownBy(() -> stack(Map.of("PATH", emptyPath.toString())).run(List.of("up", "--with-prometheus")))
                .isInstanceOfSatisfying(
                        Stack.Exit.class, exit -> assertThat(exit.status).isEqualTo(2));

        assertThat(err()).contains("install Debian's prometheus package");
        assertThat(root.resolve(".stack/pids")).doesNotExist();
        assertThat(root.resolve(".stack/interaction")).doesNotExist();
    }

    @Test
    void prometheusRunsFromThePathWithTheLocalConfigurationAndTheStacksData() throws Exception {
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path prometheus = Files.writeString(bin.resolve("prometheus"), "#!/bin/sh\n");
        prometheus.toFile().setExecutable(true);

        assertThat(LocalPrometheus.binary(Map.of("PATH", "/nowhere:" + bin))).contains(prometheus);
        assertThat(LocalPrometheus.command(prometheus, root))
                .contains("-Dorderflow.stack=prometheus", prometheus.toString())
                .contains("--config.file=" + root.resolve("docker/prometheus/prometheus-local.yml"))
                .contains("--storage.tsdb.path=" + root.resolve(".stack/data/prometheus"));
    }

    @Test
    void logsTakesANameAndMayFollow() {
        assertThat(Stack.LogsRequest.parse(List.of("-f", "kafka"))).isEqualTo(new Stack.LogsRequest("kafka", true));
        assertThat(Stack.LogsRequest.parse(List.of("order-service")))
                .isEqualTo(new Stack.LogsRequest("order-service", false));
        assertThatThrownBy(() -> Stack.LogsRequest.parse(List.of("--follow")))
                .hasMessage("usage: bin/stack logs [-f] SERVICE|kafka|postgres|mail");
    }

    @Test
    void mailTakesACountAndACustomer() {
        assertThat(Stack.MailRequest.parse(List.of())).isEqualTo(new Stack.MailRequest(10, ""));
        assertThat(Stack.MailRequest.parse(List.of("-n", "3", "alice"))).isEqualTo(new Stack.MailRequest(3, "alice"));
        assertThat(Stack.MailRequest.parse(List.of("bob@example.com", "-n5")))
                .isEqualTo(new Stack.MailRequest(5, "bob@example.com"));
        assertThatThrownBy(() -> Stack.MailRequest.parse(List.of("-n", "0")))
                .hasMessage("bin/stack mail: -n takes a number of e-mails, not '0'");
        assertThatThrownBy(() -> Stack.MailRequest.parse(List.of("-x")))
                .hasMessage("usage: bin/stack mail [-n N] [CUSTOMER|ADDRESS]");
    }

    @Test
    void anUnknownCommandPrintsTheUsageAndExitsWith2() {
        assertThat(stack(Map.of()).run(List.of("start"))).isEqualTo(2);
        assertThat(stack(Map.of()).run(List.of())).isEqualTo(2);

        assertThat(err()).contains("bin/stack up [--interaction events|mixed|http]");
        assertThat(out()).isEmpty();
    }

    @Test
    void helpGoesToStandardOutput() {
        assertThat(stack(Map.of()).run(List.of("--help"))).isZero();

        assertThat(out()).contains("bin/stack reset").contains("STACK_SERVICES");
    }

    @Test
    void anUnknownInteractionStyleFailsBeforeAnythingStarts() {
        assertThatThrownBy(() -> stack(Map.of()).run(List.of("up", "--interaction", "carrier-pigeon")))
                .isInstanceOfSatisfying(
                        Stack.Exit.class, exit -> assertThat(exit.status).isEqualTo(1));

        assertThat(err()).contains("unknown interaction style 'carrier-pigeon': events, mixed or http");
        assertThat(root.resolve(".stack/pids")).doesNotExist();
    }

    @Test
    void statusOfAStackThatNeverRanShowsEverythingStopped() {
        assertThat(stack(Map.of()).run(List.of("status"))).isZero();

        assertThat(out())
                .contains("kafka                  stopped")
                .contains("postgres               stopped")
                .contains("mail                   stopped")
                .doesNotContain("total memory")
                .doesNotContain("Interaction style");
    }

    @Test
    void downWithNothingRunningSaysSo() {
        assertThat(stack(Map.of()).run(List.of("down"))).isZero();

        assertThat(out()).isEqualTo("Nothing was running.\n");
    }

    @Test
    void logsOfAPartWithoutALogNamesTheOnesThereAre() {
        assertThatThrownBy(() -> stack(Map.of()).run(List.of("logs", "nope"))).isInstanceOf(Stack.Exit.class);

        assertThat(err()).contains("no log for nope at .stack/logs/nope.log (names: kafka, postgres, mail)");
    }

    @Test
    void logsPrintsTheLog() throws Exception {
        Files.createDirectories(root.resolve(".stack/logs"));
        Files.writeString(root.resolve(".stack/logs/kafka.log"), "Kafka Server started\n");

        assertThat(stack(Map.of()).run(List.of("logs", "kafka"))).isZero();

        assertThat(out()).isEqualTo("Kafka Server started\n");
    }

    @Test
    void aServiceLogsInWithItsOwnAccountAndSecret() {
        Map<String, String> env =
                stack(Map.of("STACK_SECRET_ORDER_SERVICE", "s3cret")).serviceEnvironment("order-service", "mixed");

        assertThat(env)
                .containsEntry("SPRING_DATASOURCE_USERNAME", "order_service")
                .containsEntry("SPRING_DATASOURCE_PASSWORD", "s3cret")
                .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                .containsEntry("ORDERFLOW_INTERACTION", "mixed")
                .containsEntry("SPRING_MAIL_HOST", "localhost")
                .containsEntry("SPRING_MAIL_PORT", "1025")
                .containsEntry("ORDERFLOW_AUTH_DEV_TOKENS_ENABLED", "true");
        assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"order-service\" password=\"s3cret\";");
    }

    @Test
    void aDatabaseOfYourOwnKeepsItsCredentials() {
        Map<String, String> env = stack(
                        Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://db/x", "SPRING_MAIL_HOST", ""))
                .serviceEnvironment("billing-service", "events");

        assertThat(env).doesNotContainKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
        assertThat(env).containsEntry("SPRING_MAIL_HOST", "localhost");
    }

    @Test
    void fulfillmentServiceKeepsOneSecretKeyAcrossStarts() throws Exception {
        Map<String, String> first = stack(Map.of()).serviceEnvironment("fulfillment-service", "events");
        Map<String, String> second = stack(Map.of()).serviceEnvironment("fulfillment-service", "events");

        String key = first.get("ORDERFLOW_FULFILLMENT_DESTINATIONS_SECRET_KEY");
        assertThat(java.util.Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(second).containsEntry("ORDERFLOW_FULFILLMENT_DESTINATIONS_SECRET_KEY", key);
        assertThat(Files.getPosixFilePermissions(root.resolve(".stack/conf/fulfillment-secret-key")))
                .hasSize(2);
        assertThat(first)
                .containsEntry("ORDERFLOW_FULFILLMENT_DEMO_PASSWORD", "warehouse-dev-password")
                .containsEntry("ORDERFLOW_CONSOLE_PASSWORD", "{noop}console-dev-password")
                .containsEntry("ORDERFLOW_FULFILLMENT_REDRIVE_KAFKA_PASSWORD", "fulfillment-redrive-dev");
        assertThat(stack(Map.of("ORDERFLOW_FULFILLMENT_DESTINATIONS_SECRET_KEY", "mine"))
                        .serviceEnvironment("fulfillment-service", "events"))
                .containsEntry("ORDERFLOW_FULFILLMENT_DESTINATIONS_SECRET_KEY", "mine");
    }

    @Test
    void stackServiceJavaOptsComeAfterTheStacksOwn() {
        assertThat(stack(Map.of("STACK_SERVICE_JAVA_OPTS", " -Xmx512m  -Dx=y ")).serviceJavaOptions())
                .endsWith("-Xmx512m", "-Dx=y")
                .startsWith("-Xms96m");
    }

    @Test
    void startsEveryProcessWithTheJavaItRunsOn() {
        assertThat(Path.of(stack(Map.of()).javaCommand)).isExecutable().hasFileName("java");
    }
}
