package dev.orderflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CreateTopicsTest {

    @Test
    void takesEveryTopicOfTheEventsModuleAndItsDeadLetterTopicWhenGivenNone() {
        assertThat(CreateTopics.defaultTopics())
                .containsOnlyKeys("billing", "payment", "fulfillment", "billing-dlt", "payment-dlt", "fulfillment-dlt")
                .allSatisfy((topic, partitions) -> assertThat(partitions).isEqualTo(3));
    }

    @Test
    void readsPartitionsAfterAColonAndDefaultsToThree() {
        assertThat(CreateTopics.parse(List.of("a:1", "b")))
                .containsExactly(java.util.Map.entry("a", 1), java.util.Map.entry("b", 3));
    }

    @Test
    void setsARetentionOnTheEventTopicsOnly() {
        assertThat(CreateTopics.configOf("payment")).containsEntry("retention.ms", "2592000000");
        assertThat(CreateTopics.configOf("payment-dlt")).isEmpty();
    }
}
