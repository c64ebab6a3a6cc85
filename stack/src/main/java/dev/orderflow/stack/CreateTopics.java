package dev.orderflow.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the stack's topics when they are missing, in one JVM (four {@code kafka-topics.sh --create} runs cost four
 * JVM start-ups). Waits for the broker up to the admin client's timeout. Replication factor 1: one broker.
 *
 * <pre>
 * java -cp "stack/target/lib/*:stack/target/classes" dev.orderflow.stack.CreateTopics localhost:9092 billing:3 payment:3
 * </pre>
 */
public final class CreateTopics {

    private CreateTopics() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CreateTopics BOOTSTRAP_SERVERS TOPIC:PARTITIONS...");
            System.exit(2);
        }
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] topic = args[i].split(":", 2);
            wanted.put(topic[0], topic.length == 2 ? Integer.parseInt(topic[1]) : 3);
        }

        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            wanted.forEach((name, partitions) -> {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, partitions, (short) 1));
                }
            });
            List<String> created = new ArrayList<>();
            admin.createTopics(missing).values().forEach((name, result) -> {
                try {
                    result.get();
                    created.add(name);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + name, e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            System.out.println(
                    created.isEmpty()
                            ? "topics present: " + String.join(", ", wanted.keySet())
                            : "topics created: " + String.join(", ", created));
        }
    }
}
