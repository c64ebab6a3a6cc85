package dev.orderflow.push.pushing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PushPropertiesTest {

    @Test
    void doublesTheWaitAfterEachFailureUpToTheLongestWait() {
        PushProperties properties =
                new PushProperties("log", 5, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(500));

        assertThat(properties.retryDelay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.retryDelay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.retryDelay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(properties.retryDelay(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.retryDelay(100)).isEqualTo(Duration.ofSeconds(5));
    }
}
