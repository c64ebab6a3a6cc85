package dev.orderflow.platform.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means that the database could not be reached, rather than that the request or record was bad. The
 * one definition behind both a web request's {@code 503} and a Kafka listener's retry-until-the-database-is-back: no
 * connection from the pool in time, no transaction could begin, or the connection died on the way (the server went away
 * in the middle of a transaction, so that even its rollback fails).
 */
public final class DatabaseOutage {

    /**
     * SQLSTATEs that PostgreSQL and its driver use for a connection that broke or could not be made: class 08
     * (connection exception) is matched by prefix; these are the server shutting down or not yet taking connections.
     */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {}

    /** Whether {@code failure} or any of its causes says that the database could not be reached. */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            // a failed rollback hides what made the transaction roll back: the connection dying under it
            if (cause instanceof TransactionSystemException rollbackFailed
                    && rollbackFailed.getApplicationException() != null
                    && isCause(rollbackFailed.getApplicationException())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || SERVER_GOING_AWAY.contains(sqlState));
    }
}
