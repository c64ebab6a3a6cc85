package dev.orderflow.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

/** What counts as the database being unreachable, for web answers and Kafka retries alike. */
class DatabaseOutageTest {

    @Test
    void aConnectionThatBrokeIsAnOutageByItsSqlState() {
        assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLException("I/O error", "08006"))))
                .isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("terminating connection", "57P01")))
                .isTrue();
    }

    @Test
    void aRollbackThatFailedBecauseTheConnectionDiedIsAnOutage() {
        TransactionSystemException rollbackFailed =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new SQLException("terminating connection", "57P01"));

        assertThat(DatabaseOutage.isCause(rollbackFailed)).isTrue();
    }

    @Test
    void aBrokenRuleIsNoOutage() {
        assertThat(DatabaseOutage.isCause(new DataIntegrityViolationException(
                        "duplicate key", new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(DatabaseOutage.isCause(new TransactionSystemException("commit failed")))
                .isFalse();
        assertThat(DatabaseOutage.isCause(null)).isFalse();
    }
}
