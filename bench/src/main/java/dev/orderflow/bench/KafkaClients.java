package dev.orderflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The settings every Kafka client of the bench starts from: the broker's address and, where the broker wants a login
 * (bin/stack's SASL/SCRAM), the client configuration named by {@code -Dbench.kafka.config}, which bin/bench sets to the
 * stack's admin configuration ({@code .stack/conf/admin.properties}, as the bin/kafka-*.sh tools use).
 */
final class KafkaClients {

    private KafkaClients() {}

    static Properties config(String bootstrapServers) {
        Properties props = new Properties();
        String file = System.getProperty("bench.kafka.config", "");
        if (!file.isBlank()) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                props.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the Kafka client configuration " + file, e);
            }
        }
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }
}
