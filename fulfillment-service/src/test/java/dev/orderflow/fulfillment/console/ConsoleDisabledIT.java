package dev.orderflow.fulfillment.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testsupport.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without an operator password the console is off: every page says so, the login too, and the API is unchanged. */
@IntegrationTest(properties = "orderflow.console.password=")
class ConsoleDisabledIT {

    @LocalServerPort
    int port;

    @Test
    void everyConsolePageSaysTheConsoleIsDisabled() {
        ConsoleSession session = new ConsoleSession(port);

        for (String page : new String[] {"/console", "/console/login", "/console/rules"}) {
            HttpResponse<String> response = session.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(503);
            assertThat(response.body()).as(page).contains("console disabled: set orderflow.console.password");
        }
        assertThat(session.get("/rules").statusCode()).isEqualTo(401);
    }
}
