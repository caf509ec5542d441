package dev.tusk.platform.timers;

import dev.tusk.platform.persistence.OutageLog;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One {@link PeriodicTask} as its timer runs it: an outage of its store is one line in the log
 * until it ends, any other failure a WARNING; nothing is thrown to the timer, so the next
 * interval simply runs it again.
 */
public final class ScheduledTask {
    private static final Logger LOG = Logger.getLogger(PeriodicTasks.class.getName());

    private final PeriodicTask task;
    private final OutageLog outage;

    public ScheduledTask(PeriodicTask task) {
        this.task = task;
        this.outage = new OutageLog(LOG, task.name(), task::isOutage);
    }

    public PeriodicTask task() {
        return task;
    }

    public void run() {
        try {
            outage.run(task::run);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, task.name() + " failed; it runs again in " + task.interval(), e);
        }
    }
}
