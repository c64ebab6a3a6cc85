package dev.orderflow.notification.notifying;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NotificationPropertiesTest {

    private final NotificationProperties.Email email = new NotificationProperties.Email(
            "no-reply@orderflow.dev", 5, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMillis(500));

    @Test
    void doublesTheWaitAfterEachFailureUpToTheLongestWait() {
        assertThat(email.retryDelay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(email.retryDelay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(email.retryDelay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(email.retryDelay(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(email.retryDelay(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(email.retryDelay(1_000)).isEqualTo(Duration.ofSeconds(10));
    }
}
