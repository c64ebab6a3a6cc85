package dev.orderflow.fulfillment.replay;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.KafkaCloudEvents;
import dev.orderflow.events.Topics;
import dev.orderflow.fulfillment.bus.Envelopes;
import dev.orderflow.fulfillment.delivery.DeliveryDispatcher;
import dev.orderflow.fulfillment.replay.Replay.ReplayState;
import dev.orderflow.fulfillment.rules.RuleMatcher;
import dev.orderflow.fulfillment.rules.RuleMatcher.MatchedRule;
import dev.orderflow.fulfillment.rules.Rules;
import dev.orderflow.fulfillment.targets.Target;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replays a time range of the archive, which is the topics themselves ({@code billing}, {@code payment}, {@code
 * fulfillment}, kept for their retention): it finds the offsets of {@code from} and {@code to} by time, reads that range
 * with a consumer of its own (assigned partitions, no group, nothing committed, so the live consumers' offsets are not
 * touched), matches each event against the named rules (or every enabled one), and records a delivery per matching
 * rule and target marked with the replay's name. The delivery dispatcher then delivers them like live ones, in the
 * order they were recorded: per partition, so per key, in the order they were published. A replay delivers an event
 * once per replay and target; a replay that a crash interrupted starts over when the service starts again, and its
 * deliveries already recorded are not recorded twice.
 */
@Service
public class ReplayManagement {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._\\-]{1,64}");
    private static final Logger log = LoggerFactory.getLogger(ReplayManagement.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Replays replays;
    private final Rules rules;
    private final RuleMatcher matcher;
    private final Envelopes envelopes;
    private final DeliveryDispatcher dispatcher;
    private final TransactionTemplate transactions;
    private final Map<String, Object> consumerConfig;
    private final Clock clock;
    private final ExecutorService runners = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("replay-", 1).factory());

    ReplayManagement(
            Replays replays,
            Rules rules,
            RuleMatcher matcher,
            Envelopes envelopes,
            DeliveryDispatcher dispatcher,
            TransactionTemplate transactions,
            KafkaProperties kafka,
            Optional<Clock> clock) {
        this.replays = replays;
        this.rules = rules;
        this.matcher = matcher;
        this.envelopes = envelopes;
        this.dispatcher = dispatcher;
        this.transactions = transactions;
        // The service's connection and credentials (spring.kafka.*, SASL included), without its consumer group.
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        this.consumerConfig = Map.copyOf(consumer);
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Records the replay and starts it once that is committed.
     *
     * @throws ReplayException when the request is invalid, or the name is taken
     */
    public Replay start(String name, Instant from, Instant to, List<String> ruleNames) {
        List<String> problems = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add("name must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (from == null || to == null) {
            problems.add("from and to are required, as ISO-8601 instants");
        } else if (to.isBefore(from)) {
            problems.add("to must not be before from");
        } else if (to.isAfter(clock.instant())) {
            problems.add("to must not be in the future");
        }
        List<String> named = ruleNames == null
                ? List.of()
                : List.copyOf(Set.copyOf(ruleNames)).stream().sorted().toList();
        if (named.size() > 100) {
            problems.add("rules must name at most 100 rules");
        }
        for (String rule : named) {
            if (rule == null || !NAME.matcher(rule).matches() || !rules.existsById(rule)) {
                problems.add("rules: no rule named " + rule);
            }
        }
        if (!problems.isEmpty()) {
            throw new ReplayException(String.join("; ", problems), false);
        }
        return transactions.execute(status -> {
            if (!replays.create(name, from, to, named)) {
                throw new ReplayException("A replay named " + name + " exists.", true);
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    runners.submit(() -> run(name));
                }
            });
            return replays.find(name).orElseThrow();
        });
    }

    /** Starts again what a crash or a stop interrupted. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        for (Replay replay : replays.unfinished()) {
            log.info("Resuming replay {}", replay.name());
            runners.submit(() -> run(replay.name()));
        }
    }

    @PreDestroy
    void stop() {
        runners.shutdownNow();
    }

    /** Runs the replay to its end, on the caller's thread. */
    void run(String name) {
        Replay replay = replays.find(name).orElseThrow();
        try {
            transactions.executeWithoutResult(status -> replays.running(name));
            Set<String> only = Set.copyOf(replay.rules());
            for (String topic : Topics.ALL) {
                replayTopic(replay, topic, only);
            }
            transactions.executeWithoutResult(status -> replays.finish(name, ReplayState.COMPLETED, null));
            log.info("Replay {} completed", name);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return; // stopping: it resumes on the next start
            }
            log.error("Replay {} failed: {}", name, e.toString());
            String error = e.toString();
            transactions.executeWithoutResult(status ->
                    replays.finish(name, ReplayState.FAILED, error.length() > 1000 ? error.substring(0, 1000) : error));
        }
    }

    private void replayTopic(Replay replay, String topic, Set<String> only) {
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> latest = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> start = offsets(consumer, partitions, replay.from(), latest);
            Map<TopicPartition, Long> end = offsets(consumer, partitions, replay.to(), latest);
            List<TopicPartition> toRead = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                if (start.get(partition) < end.get(partition)) {
                    consumer.seek(partition, start.get(partition));
                    toRead.add(partition);
                }
            }
            consumer.assign(toRead);
            while (!toRead.isEmpty()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("interrupted");
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                List<ConsumerRecord<String, byte[]>> inRange = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        inRange.add(record);
                    }
                }
                if (!inRange.isEmpty()) {
                    transactions.executeWithoutResult(status -> record(replay, inRange, only));
                }
                toRead.removeIf(partition -> consumer.position(partition) >= end.get(partition));
                consumer.assign(toRead);
            }
        }
    }

    /** Each partition's first offset at or after the time, or its end when there is none. */
    private static Map<TopicPartition, Long> offsets(
            KafkaConsumer<String, byte[]> consumer,
            List<TopicPartition> partitions,
            Instant time,
            Map<TopicPartition, Long> latest) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(partition -> query.put(partition, time.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, TIMEOUT);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = found.get(partition);
            offsets.put(partition, offset == null ? latest.get(partition) : offset.offset());
        }
        return offsets;
    }

    private void record(Replay replay, List<ConsumerRecord<String, byte[]>> records, Set<String> only) {
        long matchedEvents = 0;
        String ingestionTime = clock.instant().toString();
        for (ConsumerRecord<String, byte[]> record : records) {
            CloudEvent event;
            try {
                event = KafkaCloudEvents.fromRecord(record.headers(), record.value());
            } catch (RuntimeException e) {
                continue; // a record the live consumer dead-lettered as unreadable: nothing to replay
            }
            ObjectNode envelope = envelopes.of(event);
            List<MatchedRule> matched = matcher.match(JSON.writeValueAsString(envelope)).stream()
                    .filter(rule -> only.isEmpty() || only.contains(rule.name()))
                    .toList();
            if (matched.isEmpty()) {
                continue;
            }
            matchedEvents++;
            List<String> names = matched.stream().map(MatchedRule::name).toList();
            for (MatchedRule rule : matched) {
                for (Target target : rule.targets()) {
                    replays.recordDelivery(
                            replay.name(),
                            event.id(),
                            rule.name(),
                            target.id(),
                            JSON.writeValueAsString(target.json()),
                            target.transformation().apply(envelope, rule.name(), ingestionTime),
                            names,
                            event.time());
                }
            }
        }
        replays.progress(replay.name(), matchedEvents);
        dispatcher.wakeUpAfterCommit();
    }
}
