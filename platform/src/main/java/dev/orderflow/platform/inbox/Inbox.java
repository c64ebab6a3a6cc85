package dev.orderflow.platform.inbox;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.KafkaCloudEvents;
import dev.orderflow.platform.inbox.ProcessedEvents.EffectFailedException;
import dev.orderflow.platform.observability.LogFields;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Where a service's batch listener hands over what one poll returned: each event's effect runs once, however often
 * Kafka delivers it, and the whole batch in one transaction with the record of its ids (one commit and one guard
 * statement per poll instead of per event).
 *
 * <p>When one event fails, the events before it are committed again without it and the error handler is told which
 * record failed: it commits their offsets and retries the failed record, or dead-letters it, as for a single record.
 * A record that cannot be read is dead-lettered the same way, after the readable records before it are processed.
 *
 * <p>Each event's effect is observed on its own, as spring-kafka observes a record listener (a poll mixes the traces of
 * many requests): its span continues the trace of the record's {@code traceparent}, so what the effect publishes to
 * the outbox carries that trace on, and its log lines carry the trace id and the event's {@link LogFields}.
 */
public class Inbox {

    private static final LogAccessor log = new LogAccessor(Inbox.class);

    private final ProcessedEvents processedEvents;
    private final ObservationRegistry observations;

    public Inbox(ProcessedEvents processedEvents, ObservationRegistry observations) {
        this.processedEvents = processedEvents;
        this.observations = observations;
    }

    /** What a service does with one event; it runs inside the batch's transaction. */
    @FunctionalInterface
    public interface EventHandler<E> {

        void handle(E event, String eventId);
    }

    /**
     * Processes the records of one poll, in order.
     *
     * @throws BatchListenerFailedException naming the first record that could not be read or processed; everything
     *     before it has been committed
     */
    public <E> void receive(List<ConsumerRecord<String, E>> records, EventHandler<? super E> handler) {
        int end = 0;
        RuntimeException failure = null;
        while (end < records.size() && failure == null) {
            failure = unreadable(records.get(end));
            if (failure == null) {
                end++;
            }
        }
        while (true) {
            try {
                processedEvents.onceEach(
                        records.subList(0, end),
                        Inbox::eventId,
                        (record, eventId) -> observe(record, eventId, handler));
                break;
            } catch (EffectFailedException e) {
                end = e.index();
                failure = (RuntimeException) e.getCause();
            } catch (RuntimeException e) {
                // the guard or the commit failed (e.g. the database is unreachable): nothing of the batch happened
                end = 0;
                failure = e;
            }
        }
        if (failure != null) {
            ConsumerRecord<String, E> failed = records.get(end);
            throw new BatchListenerFailedException(
                    "Event " + failed.topic() + "-" + failed.partition() + "@" + failed.offset() + " failed",
                    failure,
                    failed);
        }
    }

    private <E> void observe(ConsumerRecord<String, E> record, String eventId, EventHandler<? super E> handler) {
        try (LogFields fields = LogFields.of(record.value(), eventId)) {
            if (observations.isNoop()) {
                logReceived(record, eventId);
                handler.handle(record.value(), eventId);
                return;
            }
            String consumerGroup = KafkaUtils.getConsumerGroupId();
            String group = consumerGroup != null ? consumerGroup : "none";
            Observation observation = KafkaListenerObservation.LISTENER_OBSERVATION.observation(
                    null,
                    KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                    () -> new KafkaRecordReceiverContext(record, group, group, group, () -> null),
                    observations);
            observation.observe(() -> {
                logReceived(record, eventId);
                handler.handle(record.value(), eventId);
            });
        }
    }

    private static void logReceived(ConsumerRecord<String, ?> record, String eventId) {
        if (LogFields.EVENTS.isInfoEnabled()) {
            LogFields.processing(
                    KafkaCloudEvents.header(record.headers(), CloudEventHeaders.TYPE),
                    eventId,
                    record.topic() + "-" + record.partition() + "@" + record.offset());
        }
    }

    /** Why the record cannot be processed at all, or {@code null} when it can. */
    private static @Nullable RuntimeException unreadable(ConsumerRecord<String, ?> record) {
        RuntimeException notDeserialized = SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
        if (notDeserialized != null) {
            return notDeserialized;
        }
        if (record.value() == null) {
            return new IllegalArgumentException("record has no value");
        }
        if (eventId(record) == null) {
            return new IllegalArgumentException("record has no " + CloudEventHeaders.ID + " header");
        }
        return null;
    }

    private static @Nullable String eventId(ConsumerRecord<String, ?> record) {
        return KafkaCloudEvents.header(record.headers(), CloudEventHeaders.ID);
    }
}
