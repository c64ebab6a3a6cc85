package dev.orderflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthTest {

    @Test
    void readsTheOverallStatusNotAComponents() {
        String body = """
                {"components":{"db":{"status":"DOWN","details":{"status":"x"}},"kafka":{"status":"UP"}},
                 "groups":["liveness","readiness"],"status" : "OUT_OF_SERVICE"}""";

        assertThat(Health.topLevelStatus(body)).contains("OUT_OF_SERVICE");
    }

    @Test
    void readsAStatusThatComesFirst() {
        assertThat(Health.topLevelStatus("{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"DOWN\"}}}"))
                .contains("UP");
    }

    @Test
    void aStatusInsideAStringIsNotOne() {
        assertThat(Health.topLevelStatus("{\"message\":\"\\\"status\\\":\\\"UP\\\"\"}"))
                .isEmpty();
    }

    @Test
    void noStatusInAnAnswerThatIsNotHealth() {
        assertThat(Health.topLevelStatus("<html>Whitelabel Error Page</html>")).isEmpty();
        assertThat(Health.topLevelStatus("")).isEmpty();
        assertThat(Health.topLevelStatus("{\"status\":503}")).isEmpty();
    }

    @Test
    void aClosedPortIsNotOpen() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
            assertThat(Health.portOpen(port)).isTrue();
        }
        assertThat(Health.portOpen(port)).isFalse();
    }
}
