package dev.tusk.queue.application;

import dev.tusk.platform.timers.PeriodicTask;
import dev.tusk.queue.domain.JobDispatcher;
import dev.tusk.queue.domain.JobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Every {@code queue.sweep_interval}: puts jobs whose worker stopped heartbeating back to new,
 * and sends wake-ups for runnable jobs that have none in flight, so that a lost message or a
 * crashed server delays a job, never loses it. Also refreshes the queue length gauges.
 */
@ApplicationScoped
public class JobSweeper implements PeriodicTask {
    private static final Logger LOG = Logger.getLogger(JobSweeper.class.getName());
    /** At most this many wake-ups a queue a sweep, and as many messages browsed to count them. */
    private static final int MAX_REDISPATCH = 10_000;
    /** The job store's clock is the database's: this one only sets the cutoffs of the sweep. */
    Clock clock = Clock.systemUTC();

    @Inject JobStore store;
    @Inject JobDispatcher dispatcher;
    @Inject QueueSettings settings;
    @Inject QueueMetrics metrics;
    @Inject DeclaredQueues queues;

    @Override
    public String name() {
        return "the job queue's sweep";
    }

    @Override
    public Duration interval() {
        return settings.sweepInterval();
    }

    @Override
    public void run() {
        sweep();
    }

    public void sweep() {
        Instant now = clock.instant();
        List<String> requeued = store.requeueStale(now.minus(settings.staleAfter()));
        if (!requeued.isEmpty()) {
            LOG.warning(() -> requeued.size() + " jobs had a stale heartbeat and were put back to new");
            requeued.forEach(q -> metrics.count(q, "requeued"));
        }
        for (String queue : queues.names()) {
            long runnable = store.runnable(queue, now.minus(settings.redispatchAfter()));
            if (runnable == 0) {
                continue;
            }
            int limit = (int) Math.min(runnable, MAX_REDISPATCH);
            int missing = limit - dispatcher.inFlight(queue, limit);
            if (missing > 0) {
                dispatcher.dispatch(queue, missing, Duration.ZERO);
                LOG.fine(() -> "re-dispatched " + missing + " jobs of " + queue);
            }
        }
        metrics.lengths(store.lengths());
    }
}
