package dev.orderflow.stack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Makes a running broker ready for the services, as the admin, in one JVM: every principal's SCRAM credential and
 * ACLs ({@link KafkaAccess}), then the topics ({@link CreateTopics}). bin/stack runs it before it starts the services,
 * which are allowed nothing until their ACLs exist. Waits for the broker up to the admin client's timeout.
 *
 * <pre>
 * java -cp "stack/target/lib/*:stack/target/classes" dev.orderflow.stack.SetUpKafka localhost:9092 .stack/conf/admin.properties
 * </pre>
 */
public final class SetUpKafka {

    private SetUpKafka() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SetUpKafka BOOTSTRAP_SERVERS ADMIN_CLIENT_PROPERTIES");
            System.exit(2);
        }
        try (Admin admin = Admin.create(adminConfig(args[0], Path.of(args[1])))) {
            System.out.println(KafkaAccess.ensure(admin));
            System.out.println(CreateTopics.ensure(admin, CreateTopics.defaultTopics()));
        }
    }

    /** An admin client's configuration: {@code clientProperties} (credentials), the bootstrap servers, timeouts. */
    static Properties adminConfig(String bootstrapServers, Path clientProperties) throws IOException {
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(clientProperties)) {
            config.load(reader);
        }
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        return config;
    }
}
