package dev.tusk.platform.persistence;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a background task (a timer, a queue's wake-up) says about a database outage: one WARNING
 * when it first fails for want of the database, one INFO when it works again, and the failures
 * between at FINE, so that an outage is a line in the log, not a stack trace per attempt. A
 * failure that is not an outage is the caller's to handle.
 */
public final class OutageLog {
    private final Logger log;
    private final String task;
    private final AtomicBoolean down = new AtomicBoolean();

    /** @param task what fails, as the log names it (e.g. "job queue process") */
    public OutageLog(Logger log, String task) {
        this.log = log;
        this.task = task;
    }

    /**
     * Notes a failed run.
     *
     * @return false when the failure is not the database being unreachable (nothing logged)
     */
    public boolean failed(RuntimeException failure) {
        if (!DatabaseOutage.causedBy(failure)) {
            return false;
        }
        if (down.compareAndSet(false, true)) {
            log.log(Level.WARNING, "{0}: the database is unreachable, waiting for it ({1})", new Object[] {task, failure.getMessage()});
        } else {
            log.log(Level.FINE, "{0}: database still unreachable: {1}", new Object[] {task, failure.getMessage()});
        }
        return true;
    }

    /** Notes a run that worked: after an outage, says so once. */
    public void worked() {
        if (down.compareAndSet(true, false)) {
            log.log(Level.INFO, "{0}: the database is reachable again", task);
        }
    }
}
