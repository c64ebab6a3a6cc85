package dev.orderflow.platform.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

class InteractionTest {

    @Test
    void isEventsWhenNothingIsSet() {
        assertThat(Interaction.of(new MockEnvironment())).isEqualTo(Interaction.EVENTS);
    }

    @Test
    void readsTheStyleWhateverItsCase() {
        assertThat(Interaction.of(new MockEnvironment().withProperty("orderflow.interaction", "HTTP")))
                .isEqualTo(Interaction.HTTP);
        assertThat(Interaction.of(new MockEnvironment().withProperty("orderflow.interaction", " mixed ")))
                .isEqualTo(Interaction.MIXED);
    }

    @Test
    void refusesAnUnknownStyleNamingTheValidOnes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Interaction.of(new MockEnvironment().withProperty("orderflow.interaction", "rest")))
                .withMessageContaining("'rest'")
                .withMessageContaining("[events, mixed, http]");
    }

    @Test
    void theStylePicksTheAdapter() {
        ApplicationContextRunner runner =
                new ApplicationContextRunner().withConfiguration(UserConfigurations.of(Adapters.class));
        runner.run(context -> assertThat(context)
                .hasSingleBean(String.class)
                .getBean(String.class)
                .isEqualTo("kafka"));
        runner.withPropertyValues("orderflow.interaction=mixed")
                .run(context -> assertThat(context.getBean(String.class)).isEqualTo("http"));
        runner.withPropertyValues("orderflow.interaction=http")
                .run(context -> assertThat(context.getBean(String.class)).isEqualTo("http"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Adapters {

        @Bean
        @ConditionalOnInteraction(Interaction.EVENTS)
        String kafkaAdapter() {
            return "kafka";
        }

        @Bean
        @ConditionalOnInteraction({Interaction.MIXED, Interaction.HTTP})
        String httpAdapter() {
            return "http";
        }
    }
}
