package dev.orderflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class KafkaCloudEventsTest {

    private final DepositRequested deposit =
            new DepositRequested(UUID.randomUUID(), "alice", new BigDecimal("12.50"), "USD");

    @Test
    void writesBinaryModeHeadersKeyAndJsonValue() {
        CloudEvent event = CloudEvent.of("/billing-service", deposit);

        ProducerRecord<String, byte[]> record = KafkaCloudEvents.toRecord(event);

        assertThat(record.topic()).isEqualTo("billing");
        assertThat(record.key()).isEqualTo("alice");
        assertThat(KafkaCloudEvents.headersAsText(record.headers()))
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_id", event.id())
                .containsEntry("ce_source", "/billing-service")
                .containsEntry("ce_type", "dev.orderflow.DepositRequested.v1")
                .containsEntry("ce_time", event.time().toString())
                .containsEntry("ce_subject", deposit.depositId().toString())
                .containsEntry("content-type", "application/json");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"amount\":12.50");
    }

    @Test
    void readsBackWhatItWrote() {
        CloudEvent event = CloudEvent.of("/billing-service", deposit);
        ProducerRecord<String, byte[]> record = KafkaCloudEvents.toRecord(event);

        assertThat(KafkaCloudEvents.fromRecord(record.headers(), record.value()))
                .isEqualTo(event);
        assertThat(new EventDeserializer().deserialize("billing", record.headers(), record.value()))
                .isEqualTo(deposit);
    }

    @Test
    void rejectsUnknownTypesMissingHeadersAndGarbage() {
        EventDeserializer deserializer = new EventDeserializer();
        ProducerRecord<String, byte[]> good = KafkaCloudEvents.toRecord(CloudEvent.of("/test", deposit));

        RecordHeaders unknownType = new RecordHeaders(good.headers().toArray());
        unknownType.remove(CloudEventHeaders.TYPE);
        unknownType.add(CloudEventHeaders.TYPE, "com.example.Nope".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> deserializer.deserialize("billing", unknownType, good.value()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown event type com.example.Nope");

        assertThatThrownBy(() -> deserializer.deserialize("billing", new RecordHeaders(), good.value()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("missing header ce_type");

        assertThatThrownBy(() -> deserializer.deserialize(
                        "billing", good.headers(), "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);

        assertThatThrownBy(() -> deserializer.deserialize(
                        "billing", good.headers(), "{\"customerId\":\"alice\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("depositId");
    }

    @Test
    void everyEventTypeIsDerivedFromTheSealedHierarchy() {
        assertThat(EventTypes.names())
                .containsExactlyInAnyOrder(
                        "dev.orderflow.OrderCreated.v1",
                        "dev.orderflow.DepositRequested.v1",
                        "dev.orderflow.OrderPaid.v1",
                        "dev.orderflow.PaymentFailed.v1",
                        "dev.orderflow.DepositAccepted.v1",
                        "dev.orderflow.OrderDispatched.v1",
                        "dev.orderflow.CustomEvent.v1");
    }

    @Test
    void anEventOfNoCustomerIsKeyedByItsIdAndHasNoSubject() {
        CustomEvent custom = new CustomEvent(
                "acme.warehouse",
                "StockCounted",
                null,
                null,
                tools.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        CloudEvent event = CloudEvent.of("/fulfillment-service", custom);

        ProducerRecord<String, byte[]> record = KafkaCloudEvents.toRecord(event);

        assertThat(record.topic()).isEqualTo("fulfillment");
        assertThat(record.key()).isEqualTo(event.id());
        assertThat(KafkaCloudEvents.headersAsText(record.headers()))
                .containsEntry("ce_type", "dev.orderflow.CustomEvent.v1")
                .doesNotContainKey("ce_subject");
        assertThat(KafkaCloudEvents.fromRecord(record.headers(), record.value()))
                .isEqualTo(event);
    }

    @Test
    void deadLetterTopicsAreSuffixed() {
        assertThat(Topics.deadLetter("payment")).isEqualTo("payment-dlt");
    }
}
