package dev.orderflow.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.testsupport.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * A poll's events are processed in one transaction, each once; a failing or unreadable event is named to the error
 * handler, with everything before it committed and nothing after it.
 */
@IntegrationTest
class InboxIT {

    @Autowired
    Inbox inbox;

    @Autowired
    ProcessedEvents processedEvents;

    @Autowired
    JdbcClient jdbc;

    private final List<String> effects = new ArrayList<>();
    private final Set<Long> transactions = new HashSet<>();

    @BeforeEach
    void effectsTable() {
        jdbc.sql("create table if not exists inbox_effects (event_id varchar(64))")
                .update();
    }

    @Test
    void processesAPollInOneTransactionAndEachEventOnce() {
        List<ConsumerRecord<String, String>> poll = poll("a", "b", "c");
        ConsumerRecord<String, String> repeated = poll.get(1);
        List<ConsumerRecord<String, String>> withRepeat = new ArrayList<>(poll);
        withRepeat.add(record(3, repeated.value(), eventId(repeated)));

        inbox.receive(withRepeat, this::effect);

        assertThat(effects).containsExactly("a", "b", "c");
        assertThat(transactions).hasSize(1);

        inbox.receive(poll, this::effect);

        assertThat(effects).as("a redelivered poll has no effect").containsExactly("a", "b", "c");
    }

    @Test
    void commitsTheEventsBeforeAFailingOneAndNamesItToTheErrorHandler() {
        List<ConsumerRecord<String, String>> poll = poll("a", "b", "fail", "d");

        assertThatThrownBy(() -> inbox.receive(poll, this::effect))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(poll.get(2));
                    assertThat(e).hasRootCauseInstanceOf(IllegalStateException.class);
                });

        assertThat(committed(poll)).containsExactly(true, true, false, false);
        assertThat(count("select count(*) from inbox_effects where event_id in (:ids)", poll))
                .as("the effects of a and b, committed once")
                .isEqualTo(2);
    }

    @Test
    void commitsTheEventsBeforeAnUnreadableRecordAndNamesIt() {
        List<ConsumerRecord<String, String>> poll = poll("a", "unreadable", "c");
        ConsumerRecord<String, String> unreadable = record(1, null, eventId(poll.get(1)));
        SerializationUtils.deserializationException(
                unreadable.headers(),
                "{".getBytes(StandardCharsets.UTF_8),
                new DeserializationException("bad JSON", new byte[0], false, new IllegalArgumentException()),
                false);
        poll.set(1, unreadable);

        assertThatThrownBy(() -> inbox.receive(poll, this::effect))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(unreadable);
                    assertThat(e).hasCauseInstanceOf(DeserializationException.class);
                });
        assertThat(committed(poll)).containsExactly(true, false, false);
    }

    private void effect(String event, String eventId) {
        if (event.equals("fail")) {
            throw new IllegalStateException("the effect failed");
        }
        transactions.add(jdbc.sql("select txid_current()").query(Long.class).single());
        jdbc.sql("insert into inbox_effects (event_id) values (?)")
                .param(eventId)
                .update();
        effects.add(event);
    }

    private List<Boolean> committed(List<ConsumerRecord<String, String>> poll) {
        return poll.stream().map(r -> processedEvents.contains(eventId(r))).toList();
    }

    private long count(String sql, List<ConsumerRecord<String, String>> poll) {
        return jdbc.sql(sql)
                .param("ids", poll.stream().map(InboxIT::eventId).toList())
                .query(Long.class)
                .single();
    }

    private static List<ConsumerRecord<String, String>> poll(String... events) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (String event : events) {
            records.add(record(records.size(), event, UUID.randomUUID().toString()));
        }
        return records;
    }

    private static ConsumerRecord<String, String> record(long offset, String value, String eventId) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("inbox-test", 0, offset, "key", value);
        record.headers().add(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String eventId(ConsumerRecord<String, ?> record) {
        return new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8);
    }
}
