package dev.orderflow.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;

/**
 * Consumer lag as the broker sees it, per consumer group, topic and partition: the gauge {@code orderflow.consumer.lag}
 * ({@code orderflow_consumer_lag_records} in Prometheus) with tags {@code group}, {@code topic} and {@code partition},
 * the partition's log-end offset minus the group's committed offset, what {@code kafka-consumer-groups.sh --describe}
 * shows. Kafka's own {@code records-lag-max} is the consumer's view, the most of its partitions, and only while it
 * polls; this one also counts a group whose consumer is stopped, paused or not started yet.
 *
 * <p>The groups are those of the service's listener containers, with the topics they listen to. A partition the group
 * has committed nothing on counts from the log's start, where the platform's consumers begin
 * ({@code auto.offset.reset=earliest}). One admin client reads the offsets on a thread of its own every interval, off
 * any request; a partition that appears later gets its gauge at the next reading. When the broker does not answer, the
 * gauges keep their last values and one warning says so, until a reading succeeds again.
 */
public class ConsumerLag implements SmartLifecycle {

    /** The gauge's name; Prometheus shows it with its unit, as {@code orderflow_consumer_lag_records}. */
    public static final String METER = "orderflow.consumer.lag";

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, Object> adminConfig;
    private final Supplier<Map<String, Set<String>>> topicsByGroup;
    private final Duration interval;
    private final MultiGauge gauge;
    private final Map<Partition, Long> lags = new ConcurrentHashMap<>();

    private @Nullable Admin admin;
    private volatile @Nullable ScheduledExecutorService scheduler;
    private boolean failing;

    /**
     * @param adminConfig the admin client's configuration (the service's {@code spring.kafka.admin} settings)
     * @param topicsByGroup the consumer groups to watch, each with its topics, asked at every reading
     * @param registry where the gauges go
     * @param interval how often the offsets are read
     */
    public ConsumerLag(
            Map<String, Object> adminConfig,
            Supplier<Map<String, Set<String>>> topicsByGroup,
            MeterRegistry registry,
            Duration interval) {
        this.adminConfig = Map.copyOf(adminConfig);
        this.topicsByGroup = topicsByGroup;
        this.interval = interval;
        this.gauge = MultiGauge.builder(METER)
                .description("Records of a partition not yet processed by the consumer group: the log-end offset"
                        + " minus the group's committed offset, as the broker sees it")
                .baseUnit("records")
                .register(registry);
    }

    /** The groups of these listener containers, each with the topics it listens to (named or assigned). */
    public static Map<String, Set<String>> topicsByGroup(Collection<? extends MessageListenerContainer> containers) {
        Map<String, Set<String>> topics = new TreeMap<>();
        for (MessageListenerContainer container : containers) {
            String group = container.getGroupId();
            ContainerProperties properties = container.getContainerProperties();
            if (group == null || group.isBlank()) {
                continue;
            }
            Set<String> ofGroup = topics.computeIfAbsent(group, g -> new TreeSet<>());
            if (properties.getTopics() != null) {
                ofGroup.addAll(List.of(properties.getTopics()));
            }
            TopicPartitionOffset[] assigned = properties.getTopicPartitions();
            if (assigned != null) {
                for (TopicPartitionOffset partition : assigned) {
                    ofGroup.add(partition.getTopic());
                }
            }
        }
        topics.values().removeIf(Set::isEmpty);
        return topics;
    }

    /**
     * Reads every watched group's committed offsets and its partitions' end offsets, and sets the gauges. A failure
     * leaves the gauges as they were.
     */
    public synchronized void refresh() {
        Map<String, Set<String>> wanted = topicsByGroup.get();
        if (wanted.isEmpty()) {
            return;
        }
        try {
            Map<Partition, Long> read = read(admin(), wanted);
            lags.putAll(read);
            lags.keySet().retainAll(read.keySet());
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (Partition partition : read.keySet()) {
                rows.add(MultiGauge.Row.of(partition.tags(), () -> lags.getOrDefault(partition, 0L)));
            }
            // existing gauges stay as they are (they read the map); new partitions get theirs, gone ones lose theirs
            gauge.register(rows, false);
            if (failing) {
                log.info("Consumer lag is read again");
                failing = false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            if (!failing) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                log.warn(
                        "Cannot read consumer lag from Kafka ({}); the gauges keep their last values until it answers",
                        cause.toString());
                failing = true;
            }
        }
    }

    /** The lag of every partition of the groups' topics. */
    static Map<Partition, Long> read(Admin admin, Map<String, Set<String>> topicsByGroup)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> topics = new TreeSet<>();
        topicsByGroup.values().forEach(topics::addAll);
        Map<String, List<TopicPartition>> partitionsOfTopic = new HashMap<>();
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(
                        topics, new DescribeTopicsOptions().timeoutMs((int) TIMEOUT.toMillis()))
                .topicNameValues();
        for (var topic : described.entrySet()) {
            try {
                TopicDescription description = await(topic.getValue());
                partitionsOfTopic.put(
                        topic.getKey(),
                        description.partitions().stream()
                                .map(TopicPartitionInfo::partition)
                                .map(partition -> new TopicPartition(topic.getKey(), partition))
                                .toList());
            } catch (ExecutionException e) {
                // a topic that does not exist (yet) has no lag; anything else is a failure of the whole reading
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }

        Map<String, ListConsumerGroupOffsetsSpec> specs = new LinkedHashMap<>();
        topicsByGroup.keySet().forEach(group -> specs.put(group, new ListConsumerGroupOffsetsSpec()));
        ListConsumerGroupOffsetsResult offsets = admin.listConsumerGroupOffsets(
                specs, new ListConsumerGroupOffsetsOptions().timeoutMs((int) TIMEOUT.toMillis()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        for (String group : topicsByGroup.keySet()) {
            committed.put(group, await(offsets.partitionsToOffsetAndMetadata(group)));
        }

        Set<TopicPartition> all = new HashSet<>();
        Set<TopicPartition> uncommitted = new HashSet<>();
        topicsByGroup.forEach((group, ofGroup) -> ofGroup.forEach(topic -> {
            for (TopicPartition partition : partitionsOfTopic.getOrDefault(topic, List.of())) {
                all.add(partition);
                if (committed.get(group).get(partition) == null) {
                    uncommitted.add(partition);
                }
            }
        }));
        Map<TopicPartition, Long> end = offsets(admin, all, OffsetSpec.latest());
        Map<TopicPartition, Long> start = offsets(admin, uncommitted, OffsetSpec.earliest());

        Map<Partition, Long> lags = new HashMap<>();
        topicsByGroup.forEach((group, ofGroup) -> ofGroup.forEach(topic -> {
            for (TopicPartition partition : partitionsOfTopic.getOrDefault(topic, List.of())) {
                OffsetAndMetadata offset = committed.get(group).get(partition);
                long from = offset != null ? offset.offset() : start.getOrDefault(partition, 0L);
                lags.put(new Partition(group, partition), Math.max(0, end.getOrDefault(partition, from) - from));
            }
        }));
        return lags;
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, Set<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        partitions.forEach(partition -> specs.put(partition, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found =
                await(admin.listOffsets(specs, new ListOffsetsOptions().timeoutMs((int) TIMEOUT.toMillis()))
                        .all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        found.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static <T> T await(KafkaFuture<T> future)
            throws InterruptedException, ExecutionException, TimeoutException {
        // the admin's own timeout ends the request first; this one only guards against a future that never completes
        return future.get(TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    @Override
    public void start() {
        if (scheduler != null || interval.isZero() || interval.isNegative()) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("consumer-lag").daemon().factory());
        // the first reading after one interval: none during the service's start-up
        executor.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        scheduler = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (admin != null) {
                admin.close(TIMEOUT);
                admin = null;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** One partition as one group consumes it. */
    record Partition(String group, TopicPartition partition) {

        Tags tags() {
            return Tags.of(
                    "group", group, "topic", partition.topic(), "partition", Integer.toString(partition.partition()));
        }
    }
}
