package dev.tusk.queue.application;

import dev.tusk.queue.domain.Job;
import dev.tusk.queue.domain.JobHandler;
import dev.tusk.queue.domain.JobOutcome;
import dev.tusk.queue.domain.JobStore;
import dev.tusk.queue.domain.LeaseLostException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the next job of a queue: claims it (committed at once, so others see it running), holds
 * its lease while the handler works, then completes it or counts the failure with a back-off.
 * Called by the queue's MDB, outside any transaction.
 */
@ApplicationScoped
public class JobRunner {
    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    @Inject
    JobStore store;
    @Inject
    JobHandlers handlers;
    @Inject
    JobExecution execution;
    @Inject
    JobFailures failures;
    @Inject
    QueueSettings settings;
    @Inject
    QueueMetrics metrics;
    @Inject
    Leases leases;

    public void runNext(String queue) {
        UUID worker = UUID.randomUUID();
        Optional<Job> claimed = store.claim(queue, worker);
        if (claimed.isEmpty()) {
            return;
        }
        Job job = claimed.get();
        Instant started = Instant.now();
        metrics.started(queue, job.attempt() == 1 ? Duration.between(job.queuedAt(), started) : Duration.ZERO);
        Leases.Lease lease = leases.take(job, worker);
        try {
            JobHandler handler = handlers.forType(job.type())
                    .orElseThrow(() -> new IllegalStateException("no handler for job type " + job.type()));
            JobOutcome outcome = execution.attempt(handler, lease, worker);
            metrics.finished(queue, outcome == JobOutcome.ABORT ? "aborted" : "succeeded", Duration.between(started, Instant.now()));
        } catch (LeaseLostException e) {
            metrics.finished(queue, "lease_lost", Duration.between(started, Instant.now()));
            LOG.warning(() -> e.getMessage() + ": its work was rolled back");
        } catch (Exception e) {
            recordFailure(job, worker, e);
            metrics.finished(queue, "retried", Duration.between(started, Instant.now()));
        } finally {
            leases.release(lease);
        }
    }

    private void recordFailure(Job job, UUID worker, Exception error) {
        Duration backoff = settings.backoff(job.attempt());
        String reason = error instanceof JobExecution.RetryRequested ? error.getMessage()
                : error.getClass().getSimpleName() + ": " + error.getMessage();
        LOG.log(Level.FINE, "job " + job.id() + " attempt " + job.attempt() + " failed", error);
        JobStore.Failure failure = failures.record(job, worker, reason, backoff, handlers.forType(job.type()));
        if (failure == JobStore.Failure.FAILED_FOR_GOOD) {
            metrics.count(job.queue(), "failed");
            LOG.warning(() -> "job " + job.id() + " (" + job.type() + ") failed for good: " + reason);
        }
    }
}
