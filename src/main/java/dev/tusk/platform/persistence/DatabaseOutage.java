package dev.tusk.platform.persistence;

import java.net.ConnectException;
import java.sql.SQLException;

/**
 * Whether a failure is the database being unreachable (not a bug, not the client's mistake): a
 * connection refused, closed or terminated, or the pool unable to hand out a connection.
 */
public final class DatabaseOutage {
    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        return causedBy(failure, 0);
    }

    /**
     * Along the causes and the suppressed failures (a commit that failed because the connection was
     * terminated is a RollbackException whose database error is suppressed, not its cause).
     */
    private static boolean causedBy(Throwable failure, int depth) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (depth < 4) {
                for (Throwable suppressed : t.getSuppressed()) {
                    if (causedBy(suppressed, depth + 1)) {
                        return true;
                    }
                }
            }
            if (t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                // 08: connection exception; 57P01-03: shut down, crashed, not yet accepting connections
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("IJ000453") || message.contains("IJ000655") || message.contains("This connection has been closed"))) {
                // IronJacamar could not get a managed connection; PgJDBC's closed connection
                return true;
            }
        }
        return false;
    }
}
