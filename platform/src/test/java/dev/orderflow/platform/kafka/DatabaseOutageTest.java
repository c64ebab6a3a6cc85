package dev.orderflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOffExecution;

/** A record is held and retried while the database is unreachable; a bad record is not mistaken for an outage. */
class DatabaseOutageTest {

    @Test
    void anUnreachableDatabaseIsAnOutageHoweverDeeplyWrapped() {
        var noConnection = new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));

        assertThat(KafkaConfiguration.isDatabaseOutage(new ListenerExecutionFailedException("listener", noConnection)))
                .isTrue();
        assertThat(KafkaConfiguration.isDatabaseOutage(new ListenerExecutionFailedException(
                        "listener", new CannotCreateTransactionException("no connection"))))
                .isTrue();
    }

    @Test
    void aRecordThatBreaksARuleIsNotAnOutage() {
        assertThat(KafkaConfiguration.isDatabaseOutage(new ListenerExecutionFailedException(
                        "listener", new IllegalStateException("order already charged"))))
                .isFalse();
    }

    @Test
    void duringAnOutageItRetriesWithoutEndAtMostEveryTenSeconds() {
        BackOffExecution execution = KafkaConfiguration.untilTheDatabaseIsBack().start();

        long wait = 0;
        for (int i = 0; i < 1_000; i++) {
            wait = execution.nextBackOff();
            assertThat(wait).isNotEqualTo(BackOffExecution.STOP);
        }
        assertThat(wait).isEqualTo(10_000);
    }
}
