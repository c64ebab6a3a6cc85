package dev.orderflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StalenessTest {

    private static final FileTime SOURCES = FileTime.from(Instant.parse("2026-01-01T10:00:00Z"));
    private static final FileTime BUILT = FileTime.from(Instant.parse("2026-01-01T11:00:00Z"));
    private static final FileTime LATER = FileTime.from(Instant.parse("2026-01-01T12:00:00Z"));

    @TempDir
    Path root;

    Path jar;

    @BeforeEach
    void aBuiltModule() throws Exception {
        for (String file : new String[] {
            "pom.xml",
            "order-service/pom.xml",
            "order-service/src/main/java/Order.java",
            "order-service/src/test/java/OrderTest.java",
            "common-events/pom.xml",
            "common-events/src/main/java/Topics.java",
            "platform/pom.xml",
            "platform/src/main/java/Outbox.java"
        }) {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "x");
        }
        try (var tree = Files.walk(root)) {
            for (Path path : tree.toList()) {
                Files.setLastModifiedTime(path, SOURCES);
            }
        }
        Path target = Files.createDirectories(root.resolve("order-service/target"));
        jar = Files.writeString(target.resolve("order-service-0.1.0-SNAPSHOT.jar"), "jar");
        Files.setLastModifiedTime(jar, BUILT);
    }

    @Test
    void aJarNewerThanEverySourceIsNotStale() throws Exception {
        assertThat(Staleness.isStale(root, "order-service", jar)).isFalse();
    }

    @Test
    void aMissingJarIsStale() throws Exception {
        assertThat(Staleness.isStale(root, "order-service", root.resolve("order-service/target/none.jar")))
                .isTrue();
    }

    @Test
    void aNewerSourceOfTheModuleOrOfWhatItIsBuiltFromMakesItStale() throws Exception {
        for (String file : new String[] {
            "order-service/src/main/java/Order.java",
            "common-events/src/main/java/Topics.java",
            "platform/src/main/java/Outbox.java",
            "pom.xml"
        }) {
            Files.setLastModifiedTime(root.resolve(file), LATER);
            assertThat(Staleness.isStale(root, "order-service", jar)).as(file).isTrue();
            Files.setLastModifiedTime(root.resolve(file), SOURCES);
        }
    }

    @Test
    void aChangedTestDoesNotMakeItStale() throws Exception {
        Files.setLastModifiedTime(root.resolve("order-service/src/test/java/OrderTest.java"), LATER);

        assertThat(Staleness.isStale(root, "order-service", jar)).isFalse();
    }

    @Test
    void theStackModuleDoesNotDependOnPlatform() throws Exception {
        Files.createDirectories(root.resolve("stack/src/main"));
        Files.setLastModifiedTime(root.resolve("stack/src/main"), SOURCES);
        Path lib = Files.createDirectories(root.resolve("stack/target/lib"));
        Files.setLastModifiedTime(lib, BUILT);
        Files.setLastModifiedTime(root.resolve("platform/src/main/java/Outbox.java"), LATER);

        assertThat(Staleness.isStale(root, "stack", lib)).isFalse();
    }

    @Test
    void aDeletedSourceMakesItStale() throws Exception {
        Path dir = root.resolve("order-service/src/main/java");
        Files.delete(dir.resolve("Order.java"));
        Files.setLastModifiedTime(dir, LATER); // what deleting does, at the time it happens

        assertThat(Staleness.isStale(root, "order-service", jar)).isTrue();
    }

    @Test
    void theRunnableJarIsNeitherTheSourcesNorThePlainOne() throws Exception {
        Path target = root.resolve("order-service/target");
        Files.writeString(target.resolve("order-service-0.1.0-SNAPSHOT-plain.jar"), "");
        Files.writeString(target.resolve("order-service-0.1.0-SNAPSHOT-sources.jar"), "");
        Files.writeString(target.resolve("other-0.1.0.jar"), "");

        assertThat(Staleness.jarOf(root, "order-service")).contains(jar);
        assertThat(Staleness.jarOf(root, "billing-service")).isEmpty();
    }
}
