package dev.orderflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaTest {

    @TempDir
    Path dir;

    @Test
    void theBrokerRequiresSaslScramAndAnAclForEverything() {
        String config = LocalKafka.serverProperties(options());

        assertThat(config)
                .contains("listeners=SASL_PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093")
                .contains("sasl.enabled.mechanisms=SCRAM-SHA-512")
                .contains("authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .contains("allow.everyone.if.no.acl.found=false")
                .contains("super.users=User:admin;User:controller")
                .doesNotContain("PLAINTEXT:PLAINTEXT");
    }

    @Test
    void formatsTheStorageWithTheAdminOnceAndKeepsItAfterwards() throws Exception {
        String first = LocalKafka.prepare(options());
        String second = LocalKafka.prepare(options());

        assertThat(first).startsWith("Kafka storage formatted");
        assertThat(second).startsWith("Kafka configuration written");
        assertThat(Files.readString(dir.resolve("conf").resolve(LocalKafka.ADMIN_PROPERTIES)))
                .contains("username=\"admin\"");
        assertThat(Files.getPosixFilePermissions(dir.resolve("conf").resolve(LocalKafka.SERVER_PROPERTIES)))
                .hasSize(2);
    }

    @Test
    void movesAsideAStorageFormattedBeforeTheBrokerRequiredAuthentication() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("meta.properties"), "node.id=1\n");

        String said = LocalKafka.prepare(options());

        assertThat(said).startsWith("moved ");
        assertThat(data.resolve(LocalKafka.SECURED_MARKER)).exists();
        try (Stream<Path> siblings = Files.list(dir)) {
            List<Path> aside = siblings.filter(
                            path -> path.getFileName().toString().startsWith("data.before-sasl-"))
                    .toList();
            assertThat(aside).hasSize(1);
            assertThat(aside.getFirst().resolve("meta.properties")).hasContent("node.id=1");
        }
    }

    private LocalKafka.Options options() {
        return new LocalKafka.Options(19092, 19093, dir.resolve("conf"), dir.resolve("data"));
    }
}
