package dev.tusk.platform.persistence;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a background task (a timer, a queue's wake-up) says about a store's outage (Tusk's database
 * by default): one WARNING when it first fails for want of the store, one INFO when it works again, and the failures
 * between at FINE, so that an outage is a line in the log, not a stack trace per attempt. A
 * failure that is not an outage is the caller's to handle.
 */
public final class OutageLog {
    private final Logger log;
    private final String task;
    private final Predicate<Throwable> isOutage;
    private final AtomicBoolean down = new AtomicBoolean();

    /** An outage of Tusk's database ({@link DatabaseOutage}). @param task what fails, as the log names it */
    public OutageLog(Logger log, String task) {
        this(log, task, DatabaseOutage::causedBy);
    }

    /** @param isOutage which failures are the store being unreachable */
    public OutageLog(Logger log, String task, Predicate<Throwable> isOutage) {
        this.log = log;
        this.task = task;
        this.isOutage = isOutage;
    }

    /** Runs the task: an outage is logged as this class says, any other failure is thrown. */
    public void run(Runnable work) {
        try {
            work.run();
            worked();
        } catch (RuntimeException e) {
            if (!failed(e)) {
                throw e;
            }
        }
    }

    /**
     * Notes a failed run.
     *
     * @return false when the failure is not the store being unreachable (nothing logged)
     */
    public boolean failed(RuntimeException failure) {
        if (!isOutage.test(failure)) {
            return false;
        }
        if (down.compareAndSet(false, true)) {
            log.log(Level.WARNING, "{0}: the store is unreachable, waiting for it ({1})", new Object[] {task, failure.getMessage()});
        } else {
            log.log(Level.FINE, "{0}: the store is still unreachable: {1}", new Object[] {task, failure.getMessage()});
        }
        return true;
    }

    /** Notes a run that worked: after an outage, says so once. */
    public void worked() {
        if (down.compareAndSet(true, false)) {
            log.log(Level.INFO, "{0}: the store is reachable again", task);
        }
    }
}
