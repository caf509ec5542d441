package dev.tusk.platform.timers;

import dev.tusk.platform.persistence.DatabaseOutage;
import java.time.Duration;

/**
 * Work done every interval (a GC, a sweep, gauges read from a store): a CDI bean that
 * {@link PeriodicTasks} runs on its own EJB timer, outside any transaction, never two runs of one
 * task at once. A failure that is the task's store being unreachable is one line in the log
 * ({@link dev.tusk.platform.persistence.OutageLog}); any other is logged and the next interval
 * runs it again.
 */
public interface PeriodicTask {

    /** What the log and the timer call it, unique among tasks. */
    String name();

    Duration interval();

    /** How long after start the first run comes: one interval by default. */
    default Duration firstRun() {
        return interval();
    }

    /** Whether {@code failure} is the task's store being unreachable: Tusk's database by default. */
    default boolean isOutage(Throwable failure) {
        return DatabaseOutage.causedBy(failure);
    }

    void run();
}
