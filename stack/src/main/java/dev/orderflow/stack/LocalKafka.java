package dev.orderflow.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Prepares the local stack's Kafka broker: writes its configuration (one KRaft node, broker and controller in one
 * process; SASL/SCRAM-SHA-512 on the client port, SASL/PLAIN between broker and controller, the
 * {@code StandardAuthorizer} with nothing allowed without an ACL) and a client configuration for the admin, and formats
 * the storage with the admin's SCRAM credential when it is not formatted yet. The services' credentials and ACLs are
 * set afterwards through the running broker ({@link SetUpKafka}), so that changing them needs no new storage.
 *
 * <p>A data directory formatted before the broker required authentication has no admin to authenticate as; it is
 * moved aside (next to it, {@code kafka.before-sasl-<time>}) and the storage formatted anew.
 *
 * <pre>
 * java -cp "stack/target/lib/*:stack/target/classes" dev.orderflow.stack.LocalKafka \
 *     [--port 9092] [--controller-port 9093] [--config-dir .stack/conf] [--data-dir .stack/data/kafka]
 * </pre>
 *
 * The broker then runs as {@code kafka.Kafka CONFIG_DIR/server.properties}; the console tools and admin clients use
 * {@code CONFIG_DIR/admin.properties}.
 */
public final class LocalKafka {

    static final String SERVER_PROPERTIES = "server.properties";
    static final String ADMIN_PROPERTIES = "admin.properties";

    /** Written into the data directory after a format with SCRAM credentials: it needs authentication. */
    static final String SECURED_MARKER = "orderflow-sasl-scram";

    private LocalKafka() {}

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        System.out.println(prepare(options));
    }

    /**
     * Writes the configuration and formats the storage when needed.
     *
     * @return one line that says what was done
     */
    public static String prepare(Options options) throws IOException {
        Files.createDirectories(options.configDir());
        write(options.serverProperties(), serverProperties(options));
        write(options.adminProperties(), clientProperties(StackAccounts.KAFKA_ADMIN));
        String moved = "";
        Path data = options.dataDir();
        if (Files.exists(data.resolve("meta.properties")) && !Files.exists(data.resolve(SECURED_MARKER))) {
            Path aside = data.resolveSibling(data.getFileName() + ".before-sasl-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            Files.move(data, aside);
            moved = "moved " + data + ", formatted before the broker required authentication, to " + aside + "; ";
        }
        if (Files.exists(data.resolve("meta.properties"))) {
            return moved + "Kafka configuration written to " + options.configDir();
        }
        Files.createDirectories(data);
        format(options);
        Files.writeString(data.resolve(SECURED_MARKER), "formatted with SCRAM credentials by LocalKafka\n");
        return moved + "Kafka storage formatted in " + data + ", configuration written to " + options.configDir();
    }

    private static void format(Options options) {
        String admin = "%s=[name=%s,password=%s]"
                .formatted(
                        KafkaAccess.MECHANISM.mechanismName(),
                        StackAccounts.KAFKA_ADMIN,
                        StackAccounts.secret(StackAccounts.KAFKA_ADMIN));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(
                    new String[] {
                        "format",
                        "--ignore-formatted",
                        "--cluster-id",
                        Uuid.randomUuid().toString(),
                        "--config",
                        options.serverProperties().toString(),
                        "--add-scram",
                        admin
                    },
                    out);
        }
        if (status != 0) {
            throw new IllegalStateException(
                    "Formatting Kafka's storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** The broker's configuration, as bin/stack runs it and the stack's tests start it. */
    static String serverProperties(Options options) {
        String controllerSecret = StackAccounts.secret(StackAccounts.KAFKA_CONTROLLER);
        return """
                # Written by LocalKafka (bin/stack up); edits are overwritten. One node, broker and KRaft controller in one
                # process. Clients authenticate with SASL/SCRAM-SHA-512 on %1$d (bin/kafka-*.sh use admin.properties);
                # the broker authenticates to its controller with SASL/PLAIN on %2$d. Nothing without an ACL.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@localhost:%2$d
                listeners=SASL_PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                advertised.listeners=SASL_PLAINTEXT://localhost:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=SASL_PLAINTEXT
                listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
                sasl.enabled.mechanisms=SCRAM-SHA-512
                sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
                listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=%3$s
                # KRaft controllers cannot check SCRAM credentials (they live in the metadata the controller serves).
                sasl.mechanism.controller.protocol=PLAIN
                listener.name.controller.sasl.enabled.mechanisms=PLAIN
                listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule \
                required username="%4$s" password="%5$s" user_%4$s="%5$s";
                authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
                super.users=User:%6$s;User:%4$s
                allow.everyone.if.no.acl.found=false
                # Topics are created by the admin (bin/stack, SetUpKafka), never by a client that happens to ask.
                auto.create.topics.enable=false
                log.dirs=%7$s
                num.partitions=3
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=10
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                transaction.state.log.num.partitions=10
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                # The log cleaner's default 128 MB buffer would be most of a small heap; compacted topics here are tiny.
                log.cleaner.dedupe.buffer.size=16777216
                num.io.threads=4
                num.network.threads=2
                """.formatted(
                        options.port(),
                        options.controllerPort(),
                        jaas(StackAccounts.KAFKA_ADMIN),
                        StackAccounts.KAFKA_CONTROLLER,
                        controllerSecret,
                        StackAccounts.KAFKA_ADMIN,
                        options.dataDir());
    }

    /** A client configuration that authenticates as {@code user} with its stack password. */
    static String clientProperties(String user) {
        return """
                # Written by LocalKafka (bin/stack up): a Kafka client authenticated as %s.
                security.protocol=SASL_PLAINTEXT
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=%s
                """.formatted(user, jaas(user));
    }

    /** The JAAS configuration of a SCRAM client {@code user}, as {@code sasl.jaas.config} takes it. */
    public static String jaas(String user) {
        return jaas(user, StackAccounts.secret(user));
    }

    public static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"%s\" password=\"%s\";"
                .formatted(user, password);
    }

    /** Written readable by the owner only: it holds passwords. */
    private static void write(Path file, String content) throws IOException {
        if (!Files.exists(file)) {
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
        }
        Files.writeString(file, content, StandardOpenOption.TRUNCATE_EXISTING);
    }

    public record Options(int port, int controllerPort, Path configDir, Path dataDir) {

        Path serverProperties() {
            return configDir.resolve(SERVER_PROPERTIES);
        }

        Path adminProperties() {
            return configDir.resolve(ADMIN_PROPERTIES);
        }

        static Options parse(String[] args) {
            int port = 9092;
            int controllerPort = 9093;
            Path configDir = Path.of(".stack", "conf");
            Path dataDir = Path.of(".stack", "data", "kafka");
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(required(args[i], value));
                    case "--controller-port" -> controllerPort = Integer.parseInt(required(args[i], value));
                    case "--config-dir" -> configDir = Path.of(required(args[i], value));
                    case "--data-dir" -> dataDir = Path.of(required(args[i], value));
                    default ->
                        throw new IllegalArgumentException("Unknown option " + args[i]
                                + "; usage: LocalKafka [--port 9092] [--controller-port 9093] [--config-dir DIR]"
                                + " [--data-dir DIR]");
                }
                i++;
            }
            return new Options(port, controllerPort, configDir.toAbsolutePath(), dataDir.toAbsolutePath());
        }

        private static String required(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }
}
