package dev.orderflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service's OpenAPI document, as it serves it at {@code /v3/api-docs}, must be the one checked in as
 * {@code docs/api/<spring.application.name>.json}: a change to a controller that changes the API then shows in the
 * review as a change to that file. A service's test extends this in one line, as an {@link IntegrationTest}. Run with
 * {@code -Dopenapi.write=true} to rewrite the file from the running service instead.
 *
 * <p>Swagger UI ({@code /swagger-ui.html}) is checked to answer without a token too. The document is compared without its {@code servers}, which say where the test happened to run (a random port),
 * not what the API is; the file is written with sorted keys so that its diffs read well.
 */
public abstract class OpenApiSpecContract {

    /** The system property that makes the test write the file instead of comparing with it. */
    public static final String WRITE = "openapi.write";

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @LocalServerPort
    private int port;

    @Value("${spring.application.name}")
    private String service;

    @Test
    public void servesTheCheckedInOpenApiDocument() throws IOException {
        String served = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build()
                .get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
        JsonNode document = normalized(JSON.readTree(served));
        Path file = repositoryRoot().resolve("docs/api/" + service + ".json");
        if (Boolean.getBoolean(WRITE)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(document) + "\n", StandardCharsets.UTF_8);
            return;
        }
        String regenerate = "if the change is intended, rewrite the file with ./mvnw -pl " + service
                + " -am verify -Dtest=none -Dit.test=" + getClass().getSimpleName()
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -D" + WRITE
                + "=true and commit it, so that the review sees the API change";
        if (!Files.isRegularFile(file)) {
            fail("No checked-in OpenAPI document " + file + "; " + regenerate);
        }
        JsonNode checkedIn = normalized(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)));
        assertThat(JSON.writeValueAsString(document))
                .as(
                        "%s serves another OpenAPI document than docs/api/%s.json (paths that differ: %s); %s",
                        service, service, differingPaths(checkedIn, document), regenerate)
                .isEqualTo(JSON.writeValueAsString(checkedIn));
    }

    @Test
    public void servesSwaggerUiWithoutAToken() {
        RestTestClient http = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();
        http.get()
                .uri("/swagger-ui.html")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .value(HttpHeaders.LOCATION, location -> assertThat(location).contains("/swagger-ui/index.html"));
        http.get()
                .uri("/swagger-ui/index.html")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    /** The document without {@code servers}, its object keys sorted at every level. */
    private static JsonNode normalized(JsonNode document) {
        JsonNode copy = document.deepCopy();
        if (copy instanceof ObjectNode object) {
            object.remove("servers");
        }
        return sorted(copy);
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JSON.createObjectNode();
            node.propertyNames().stream().sorted().forEach(name -> sorted.set(name, sorted(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            var array = JSON.createArrayNode();
            node.forEach(element -> array.add(sorted(element)));
            return array;
        }
        return node;
    }

    /** Which paths, and which schemas and other components, differ: where to look in a long document. */
    private static List<String> differingPaths(JsonNode expected, JsonNode actual) {
        List<String> differing = new ArrayList<>();
        differences("paths", expected.path("paths"), actual.path("paths"), differing);
        java.util.Set<String> sections =
                new java.util.TreeSet<>(expected.path("components").propertyNames());
        sections.addAll(actual.path("components").propertyNames());
        for (String section : sections) {
            differences(
                    "components/" + section,
                    expected.path("components").path(section),
                    actual.path("components").path(section),
                    differing);
        }
        if (!expected.path("info").equals(actual.path("info"))) {
            differing.add("info");
        }
        return differing;
    }

    private static void differences(String prefix, JsonNode before, JsonNode after, List<String> differing) {
        java.util.Set<String> names = new java.util.TreeSet<>(before.propertyNames());
        names.addAll(after.propertyNames());
        for (String name : names) {
            if (!before.path(name).equals(after.path(name))) {
                differing.add(prefix + "/" + name);
            }
        }
    }

    /** The repository's root: the nearest directory upwards from the working directory that holds {@code mvnw}. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "not inside the repository: " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
