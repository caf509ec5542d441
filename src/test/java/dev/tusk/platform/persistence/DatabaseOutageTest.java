package dev.tusk.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aTerminatedOrRefusedConnectionAlongTheCausesIsAnOutage() {
        assertThat(DatabaseOutage.causedBy(new IllegalStateException(new SQLException("terminating", "57P01")))).isTrue();
        assertThat(DatabaseOutage.causedBy(new RuntimeException(new RuntimeException(new ConnectException("refused"))))).isTrue();
        assertThat(DatabaseOutage.causedBy(new RuntimeException("IJ000453: Unable to get managed connection"))).isTrue();
    }

    @Test
    void aCommitThatFailedWithTheDatabaseErrorSuppressedIsAnOutage() {
        // as the transaction manager reports it: RollbackException, the XA failure suppressed
        Exception resource = new Exception("SQLException", new SQLException("FATAL: terminating connection", "57P01"));
        Exception xa = new Exception("IJ001156: Could not commit local transaction", resource);
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertThat(DatabaseOutage.causedBy(new RuntimeException(rollback))).isTrue();
    }

    @Test
    void aConstraintOrABugIsNot() {
        assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
        Exception withSuppressedBug = new Exception("failed");
        withSuppressedBug.addSuppressed(new NullPointerException());
        assertThat(DatabaseOutage.causedBy(withSuppressedBug)).isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("a bug"))).isFalse();
    }
}
