package dev.orderflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compose file's broker set-up, {@code docker/kafka/create-topics.sh}, runs in the Kafka image without Java of
 * ours, so it repeats the topics of {@link Topics} and the grants of {@link KafkaAccess}: this test holds the copy to
 * the code, so that a topic or a grant changed in one place and not the other fails the build.
 */
class ComposeKafkaScriptTest {

    private static final Pattern LIST = Pattern.compile("(?m)^([A-Z_]+_TOPICS)=\"([^\"]*)\"$");
    private static final Pattern SERVICE = Pattern.compile("(?m)^service ([a-z-]+) \"([^\"]*)\" \"([^\"]*)\"$");

    private static String script;

    @BeforeAll
    static void readScript() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        script = Files.readString(root.resolve("docker/kafka/create-topics.sh"));
    }

    @Test
    void createsEveryTopicOfTheEventsModuleAndItsDeadLetterTopic() {
        Map<String, List<String>> lists = LIST.matcher(script)
                .results()
                .collect(Collectors.toMap(match -> match.group(1), match -> words(match.group(2))));

        assertThat(lists.get("EVENT_TOPICS")).isEqualTo(Topics.ALL);
        assertThat(lists.get("DEAD_LETTER_TOPICS"))
                .isEqualTo(Topics.ALL.stream().map(Topics::deadLetter).toList());
    }

    @Test
    void grantsEachServiceWhatKafkaAccessGrantsIt() {
        Map<String, KafkaAccess.Grant> granted = KafkaAccess.GRANTS.stream()
                .filter(grant -> !grant.groups().isEmpty())
                .collect(Collectors.toMap(KafkaAccess.Grant::principal, Function.identity()));
        Matcher services = SERVICE.matcher(script);
        Map<String, KafkaAccess.Grant> scripted = services.results()
                .map(match -> KafkaAccess.consumer(match.group(1), words(match.group(2)), words(match.group(3))))
                .collect(Collectors.toMap(KafkaAccess.Grant::principal, Function.identity()));

        assertThat(scripted).containsOnlyKeys(granted.keySet());
        scripted.forEach((service, grant) -> {
            KafkaAccess.Grant inCode = granted.get(service);
            assertThat(grant.writes()).as(service + " writes").isEqualTo(inCode.writes());
            assertThat(grant.groups()).as(service + " groups").isEqualTo(inCode.groups());
            // fulfillment-service's extra reads of every dead-letter topic are the script's own line, checked below
            assertThat(inCode.reads())
                    .as(service + " reads")
                    .startsWith(grant.reads().toArray(String[]::new));
        });
    }

    @Test
    void letsFulfillmentReadEveryDeadLetterTopicAndOnlyTheRedrivePrincipalWriteBack() {
        assertThat(script)
                .contains("allow fulfillment-service Read $(topics $DEAD_LETTER_TOPICS)")
                .contains("allow " + KafkaAccess.REDRIVE + " Write $(topics $EVENT_TOPICS)");
        KafkaAccess.Grant fulfillment = KafkaAccess.GRANTS.stream()
                .filter(grant -> grant.principal().equals("fulfillment-service"))
                .findFirst()
                .orElseThrow();
        assertThat(fulfillment.reads())
                .containsAll(Topics.ALL.stream().map(Topics::deadLetter).toList());
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }
}
