package dev.orderflow.events.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.orderflow.events.EventTypes;
import dev.orderflow.events.KafkaCloudEvents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each golden event sample is valid against its message's payload schema in the checked-in AsyncAPI document, and the
 * headers {@code KafkaCloudEvents} writes against its headers schema, checked by a JSON Schema validator (networknt);
 * a sample that breaks its schema is refused, so the check can fail.
 */
class GoldenSamplesMatchTheirSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** AsyncAPI 3's default schema format is a superset of JSON Schema draft 07. */
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    static Stream<String> names() {
        return java.util.stream.StreamSupport.stream(EventTypes.names().spliterator(), false)
                .map(type -> EventTypes.classOf(type).orElseThrow().getSimpleName())
                .sorted();
    }

    @ParameterizedTest
    @MethodSource("names")
    void goldenSampleIsValidAgainstItsPayloadSchema(String event) throws IOException {
        assertThat(payloadSchema(event).validate(golden(event))).as(event).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("names")
    void cloudEventsHeadersAreValidAgainstItsHeadersSchema(String event) throws IOException {
        String type = "dev.orderflow." + event + ".v1";
        Headers headers = KafkaCloudEvents.headers(
                "0b6a3a52-5d34-4d7e-9c55-6a1f0c1a7f01", "/order-service", type, Instant.now(), "an-order-or-deposit");
        ObjectNode asJson = JSON.createObjectNode();
        KafkaCloudEvents.headersAsText(headers).forEach(asJson::put);
        assertThat(schema("/components/messages/" + event + "/headers").validate(asJson))
                .as(event)
                .isEmpty();
    }

    @Test
    void aSampleThatBreaksItsSchemaIsRefused() throws IOException {
        ObjectNode created = (ObjectNode) golden("OrderCreated");
        ((ObjectNode) created.withArray("items").get(0)).put("quantity", "two");
        created.remove("customerId");
        created.put("orderId", "not-a-uuid");

        List<Error> errors = payloadSchema("OrderCreated").validate(created);

        assertThat(errors)
                .extracting(Error::toString)
                .anySatisfy(message -> assertThat(message).contains("customerId"))
                .anySatisfy(message -> assertThat(message).contains("quantity"))
                .anySatisfy(message -> assertThat(message).contains("orderId"));
    }

    @Test
    void anOtherEventsHeadersAreRefused() throws IOException {
        ObjectNode headers = JSON.createObjectNode()
                .put("ce_specversion", "1.0")
                .put("ce_id", "x")
                .put("ce_source", "/billing-service")
                .put("ce_type", "dev.orderflow.OrderPaid.v1")
                .put("ce_time", "2026-11-21T10:15:30Z")
                .put("content-type", "application/json");

        assertThat(schema("/components/messages/OrderCreated/headers").validate(headers))
                .extracting(Error::toString)
                .anySatisfy(message -> assertThat(message).contains("ce_type"))
                .anySatisfy(message -> assertThat(message).contains("ce_subject"));
    }

    private static Schema payloadSchema(String event) throws IOException {
        return schema("/components/messages/" + event + "/payload");
    }

    /**
     * The schema at the pointer in the checked-in document, with the document's schemas beside it for its
     * {@code $ref}s ({@code #/components/schemas/...}).
     */
    private static Schema schema(String pointer) throws IOException {
        JsonNode document = JSON.readTree(Files.readString(AsyncApiDocument.file(), StandardCharsets.UTF_8));
        JsonNode at = document.at(pointer);
        assertThat(at.isMissingNode())
                .as("%s in %s", pointer, AsyncApiDocument.FILE)
                .isFalse();
        ObjectNode root = at.deepCopy();
        root.putObject("components").set("schemas", document.path("components").path("schemas"));
        return SCHEMAS.getSchema(root);
    }

    private static JsonNode golden(String event) throws IOException {
        String path = "/events/" + event + ".v1.json";
        try (InputStream in = GoldenSamplesMatchTheirSchemasTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return JSON.readTree(in);
        }
    }
}
