package dev.tusk.queue.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The job queue's settings (MicroProfile Config, defaults in microprofile-config.properties). */
@ApplicationScoped
public class QueueSettings {

    @Inject @ConfigProperty(name = "queue.retries") int retries;
    @Inject @ConfigProperty(name = "queue.heartbeat_interval") Duration heartbeatInterval;
    @Inject @ConfigProperty(name = "queue.stale_after") Duration staleAfter;
    @Inject @ConfigProperty(name = "queue.sweep_interval") Duration sweepInterval;
    @Inject @ConfigProperty(name = "queue.redispatch_after") Duration redispatchAfter;
    @Inject @ConfigProperty(name = "queue.backoff_base") Duration backoffBase;
    @Inject @ConfigProperty(name = "queue.backoff_max") Duration backoffMax;
    @Inject @ConfigProperty(name = "queue.jobs_per_wakeup") int jobsPerWakeUp;
    @Inject @ConfigProperty(name = "queue.claim_batch") int claimBatch;


    @PostConstruct
    void parse() {
        if (jobsPerWakeUp < 1 || claimBatch < 1) {
            throw new IllegalStateException("queue.jobs_per_wakeup and queue.claim_batch must be at least 1");
        }
        if (retries < 1) {
            throw new IllegalStateException("queue.retries must be at least 1");
        }
        if (staleAfter.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
            throw new IllegalStateException("queue.stale_after must be at least three heartbeat intervals");
        }
    }

    /** Attempts a job gets before it is kept as failed. */
    public int retries() {
        return retries;
    }

    /** How many jobs a worker runs at most for one wake-up before it takes the next message. */
    public int jobsPerWakeUp() {
        return jobsPerWakeUp;
    }

    /** Jobs a worker claims at once at most, when the backlog leaves every worker as many. */
    public int claimBatch() {
        return claimBatch;
    }

    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    public Duration staleAfter() {
        return staleAfter;
    }

    public Duration sweepInterval() {
        return sweepInterval;
    }

    /** A runnable job with no wake-up in flight for this long is dispatched again by the sweep. */
    public Duration redispatchAfter() {
        return redispatchAfter;
    }

    /** Back-off before attempt n+1: base x 2^(n-1), at most the maximum, with +-20 % jitter. */
    public Duration backoff(int attempt) {
        long millis = backoffBase.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        millis = Math.min(millis, backoffMax.toMillis());
        double jitter = 0.8 + 0.4 * java.util.concurrent.ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(millis * jitter));
    }
}
