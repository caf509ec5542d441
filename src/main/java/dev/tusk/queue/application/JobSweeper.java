package dev.tusk.queue.application;

import dev.tusk.platform.persistence.OutageLog;
import dev.tusk.queue.domain.JobDispatcher;
import dev.tusk.queue.domain.JobStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code queue.sweep_interval}: puts jobs whose worker stopped heartbeating back to new,
 * and sends wake-ups for runnable jobs that have none in flight, so that a lost message or a
 * crashed server delays a job, never loses it. Also refreshes the queue length gauges.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobSweeper {
    private static final Logger LOG = Logger.getLogger(JobSweeper.class.getName());
    /** At most this many wake-ups a queue a sweep, and as many messages browsed to count them. */
    private static final int MAX_REDISPATCH = 10_000;
    private final OutageLog outage = new OutageLog(LOG, "the job queue's sweep");
    /** The job store's clock is the database's: this one only sets the cutoffs of the sweep. */
    Clock clock = Clock.systemUTC();

    @Resource
    TimerService timers;
    @Inject
    JobStore store;
    @Inject
    JobDispatcher dispatcher;
    @Inject
    QueueSettings settings;
    @Inject
    QueueMetrics metrics;
    @Inject
    DeclaredQueues queues;

    @PostConstruct
    void schedule() {
        long every = settings.sweepInterval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("job queue sweep", false));
    }

    @Timeout
    void onTimer() {
        try {
            outage.run(this::sweep);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "job queue sweep failed: {0}", e.getMessage());
        }
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
                dispatcher.dispatch(queue, missing, java.time.Duration.ZERO);
                LOG.fine(() -> "re-dispatched " + missing + " jobs of " + queue);
            }
        }
        metrics.lengths(store.lengths());
    }
}
