package dev.orderflow.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** Without the property only bin/stack and the compose file set, there is no way to a token but a real grant. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = AuthTestDatabase.class)
class DevRouteAbsentIT {

    @LocalServerPort
    int port;

    @Test
    void theDevTokenRouteDoesNotExistUnlessTurnedOn() throws Exception {
        HttpResponse<String> response = new Browser(port).postJson("/dev/tokens", "{\"admin\": true}");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("access_token");
    }
}
