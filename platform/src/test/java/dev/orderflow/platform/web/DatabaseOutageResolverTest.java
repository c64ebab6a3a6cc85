package dev.orderflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A request that finds no database connection in time is told to come back, not that the server failed. */
class DatabaseOutageResolverTest {

    private final MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(new NoDatabase())
            .setHandlerExceptionResolvers(new DatabaseOutageResolver())
            .build());

    @Test
    void answersNoConnectionWith503AndRetryAfter() {
        assertUnavailable(mvc.get().uri("/no-connection").exchange());
    }

    @Test
    void answersATransactionThatCouldNotStartWith503AndRetryAfter() {
        assertUnavailable(mvc.get().uri("/no-transaction").exchange());
    }

    private static void assertUnavailable(MvcTestResult result) {
        assertThat(result)
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader("Retry-After", "1");
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(503);
        assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Service unavailable");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("database connection")
                .doesNotContain("HikariPool");
    }

    @RestController
    static class NoDatabase {

        private static final SQLTransientConnectionException POOL_EXHAUSTED = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 2000ms");

        @GetMapping("/no-connection")
        void noConnection() {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", POOL_EXHAUSTED);
        }

        @GetMapping("/no-transaction")
        void noTransaction() {
            throw new CannotCreateTransactionException(
                    "Could not open JDBC Connection for transaction", POOL_EXHAUSTED);
        }
    }
}
