package dev.orderflow.platform.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(5));

    @Test
    void doublesTheWaitAfterEachFailureUpToTheMaximum() {
        assertThat(policy.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delay(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delay(1_000)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");

        assertThat(policy.nextAttempt(4, now)).contains(now.plusSeconds(5));
        assertThat(policy.nextAttempt(5, now)).isEmpty();
    }

    @Test
    void needsAtLeastOneAttempt() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
