package dev.orderflow.stack;

import dev.orderflow.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the stack's topics when they are missing and gives the event topics their retention, in one JVM (a
 * {@code kafka-topics.sh} run per topic costs a JVM start-up each). Without topic arguments the topics are
 * {@link Topics#ALL} and their dead-letter topics, so the list lives in common-events only. Waits for the broker up to
 * the admin client's timeout. Replication factor 1: one broker.
 *
 * <p>The event topics are the archive that replays read again, so they keep their records for {@link #RETENTION}
 * rather than the broker's default week; a topic that exists already (a service's own admin may have created it first)
 * gets that retention set, and a second run changes nothing.
 *
 * <pre>
 * java -cp "stack/target/lib/*:stack/target/classes" dev.orderflow.stack.CreateTopics localhost:9092 \
 *     [--command-config .stack/conf/admin.properties] [TOPIC[:PARTITIONS]...]
 * </pre>
 */
public final class CreateTopics {

    /** How long the event topics keep their records: the window a replay can reach back. */
    public static final Duration RETENTION = Duration.ofDays(30);

    static final int PARTITIONS = 3;

    private CreateTopics() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args[0].startsWith("-")) {
            System.err.println("usage: CreateTopics BOOTSTRAP_SERVERS [--command-config ADMIN_CLIENT_PROPERTIES]"
                    + " [TOPIC[:PARTITIONS]...] (no topics: every topic of dev.orderflow.events.Topics and its"
                    + " dead-letter topic)");
            System.exit(2);
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        Properties config = new Properties();
        if (rest.size() >= 2 && rest.get(0).equals("--command-config")) {
            config = SetUpKafka.adminConfig(args[0], Path.of(rest.get(1)));
            rest = rest.subList(2, rest.size());
        } else {
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        }
        Map<String, Integer> wanted = rest.isEmpty() ? defaultTopics() : parse(rest);
        try (Admin admin = Admin.create(config)) {
            System.out.println(ensure(admin, wanted));
        }
    }

    /** Every event topic and its dead-letter topic, with the stack's partitions. */
    static Map<String, Integer> defaultTopics() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        Topics.ALL.forEach(topic -> topics.put(topic, PARTITIONS));
        Topics.ALL.forEach(topic -> topics.put(Topics.deadLetter(topic), PARTITIONS));
        return topics;
    }

    static Map<String, Integer> parse(List<String> arguments) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String argument : arguments) {
            String[] topic = argument.split(":", 2);
            topics.put(topic[0], topic.length == 2 ? Integer.parseInt(topic[1]) : PARTITIONS);
        }
        return topics;
    }

    /** The configuration a topic is created with: the retention for event topics, the broker's defaults otherwise. */
    static Map<String, String> configOf(String topic) {
        return Topics.ALL.contains(topic)
                ? Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(RETENTION.toMillis()))
                : Map.of();
    }

    /**
     * Creates the missing topics and sets the event topics' retention where it differs.
     *
     * @return one line that says what was done
     */
    static String ensure(Admin admin, Map<String, Integer> wanted) throws InterruptedException, ExecutionException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = new ArrayList<>();
        wanted.forEach((name, partitions) -> {
            if (!existing.contains(name)) {
                missing.add(new NewTopic(name, partitions, (short) 1).configs(configOf(name)));
            }
        });
        List<String> created = new ArrayList<>();
        for (Map.Entry<String, KafkaFuture<Void>> result :
                admin.createTopics(missing).values().entrySet()) {
            try {
                result.getValue().get();
                created.add(result.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Could not create topic " + result.getKey(), e.getCause());
                }
                // Created meanwhile by a service's own admin, without this configuration: configured below.
            }
        }

        created.sort(Comparator.comparing(List.copyOf(wanted.keySet())::indexOf));

        List<String> toConfigure = wanted.keySet().stream()
                .filter(topic -> !configOf(topic).isEmpty())
                .filter(topic -> !created.contains(topic))
                .toList();
        List<String> configured = configure(admin, toConfigure);

        List<String> said = new ArrayList<>();
        said.add(
                created.isEmpty()
                        ? "topics present: " + String.join(", ", wanted.keySet())
                        : "topics created: " + String.join(", ", created));
        if (!configured.isEmpty()) {
            said.add("retention set to " + RETENTION.toDays() + " days: " + String.join(", ", configured));
        }
        return String.join("; ", said);
    }

    /** Sets each topic's configuration where the broker holds another value; returns the topics it changed. */
    private static List<String> configure(Admin admin, Collection<String> topics)
            throws InterruptedException, ExecutionException {
        if (topics.isEmpty()) {
            return List.of();
        }
        List<ConfigResource> resources = topics.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
                .toList();
        Map<ConfigResource, Config> current =
                admin.describeConfigs(resources).all().get();
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
        for (ConfigResource resource : resources) {
            Config config = current.get(resource);
            List<AlterConfigOp> ops = configOf(resource.name()).entrySet().stream()
                    .filter(wanted -> {
                        ConfigEntry entry = config.get(wanted.getKey());
                        return entry == null || !wanted.getValue().equals(entry.value());
                    })
                    .map(wanted -> new AlterConfigOp(
                            new ConfigEntry(wanted.getKey(), wanted.getValue()), AlterConfigOp.OpType.SET))
                    .collect(Collectors.toList());
            if (!ops.isEmpty()) {
                changes.put(resource, ops);
            }
        }
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get();
        }
        return changes.keySet().stream().map(ConfigResource::name).toList();
    }
}
