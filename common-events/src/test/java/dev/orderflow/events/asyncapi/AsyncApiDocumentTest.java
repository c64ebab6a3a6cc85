package dev.orderflow.events.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.EventTypes;
import dev.orderflow.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checked-in AsyncAPI document is the one generated from the event records, so that a change to an event shows in
 * the review as a change to the document. {@code -Dasyncapi.write=true} rewrites it.
 */
class AsyncApiDocumentTest {

    static final String WRITE = "asyncapi.write";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theCheckedInDocumentIsTheOneGeneratedFromTheEvents() throws IOException {
        Path file = AsyncApiDocument.file();
        String generated = AsyncApiDocument.text();
        if (Boolean.getBoolean(WRITE)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            return;
        }
        assertThat(file)
                .as(
                        "%s is missing; generate it with ./mvnw -pl common-events verify -Dtest=AsyncApiDocumentTest -D%s=true",
                        AsyncApiDocument.FILE, WRITE)
                .isRegularFile();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as(
                        "%s differs from what common-events generates; if the change to the events is intended, run"
                                + " ./mvnw -pl common-events verify -Dtest=AsyncApiDocumentTest -D%s=true and commit the file",
                        AsyncApiDocument.FILE, WRITE)
                .isEqualTo(generated);
    }

    @Test
    void everyTopicAndItsDeadLetterTopicIsAChannel() {
        JsonNode channels = AsyncApiDocument.build().get("channels");
        for (String topic : Topics.ALL) {
            assertThat(channels.path(topic).path("address").stringValue()).isEqualTo(topic);
            assertThat(channels.path(Topics.deadLetter(topic)).path("address").stringValue())
                    .isEqualTo(Topics.deadLetter(topic));
        }
    }

    @Test
    void everyEventTypeIsAMessageWithItsCeTypeAndAPayloadSchema() {
        JsonNode document = JSON.valueToTree(AsyncApiDocument.build());
        for (String type : EventTypes.names()) {
            String name = EventTypes.classOf(type).orElseThrow().getSimpleName();
            JsonNode message = document.path("components").path("messages").path(name);
            assertThat(message.path("headers")
                            .path("properties")
                            .path("ce_type")
                            .path("const")
                            .stringValue())
                    .as(name)
                    .isEqualTo(type);
            String schema = message.path("payload").path("$ref").stringValue();
            assertThat(document.at(schema.substring(1)).path("type").stringValue())
                    .as(schema)
                    .isEqualTo("object");
        }
    }
}
