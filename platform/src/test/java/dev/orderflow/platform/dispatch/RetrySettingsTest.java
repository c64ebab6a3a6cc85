package dev.orderflow.platform.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The one settings shape binds from a service's properties, with defaults for what it leaves out. */
class RetrySettingsTest {

    @Test
    void bindsWhatIsSetAndDefaultsTheRest() {
        Binder binder = new Binder(new MapConfigurationPropertySource(
                Map.of("orderflow.test.dispatch.max-attempts", "3", "orderflow.test.dispatch.concurrency", "4")));

        RetrySettings settings = binder.bindOrCreate("orderflow.test.dispatch", RetrySettings.class);

        assertThat(settings)
                .isEqualTo(
                        new RetrySettings(3, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMillis(500), 4));
    }

    @Test
    void handlesOneItemAtATimeUnlessToldOtherwise() {
        assertThat(new RetrySettings(5, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMillis(500))
                        .concurrency())
                .isEqualTo(1);
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> new RetrySettings(0, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySettings(1, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
