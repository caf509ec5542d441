package dev.tusk.queue.application;

import dev.tusk.platform.persistence.OutageLog;
import dev.tusk.queue.domain.JobDispatcher;
import dev.tusk.queue.domain.JobStore;
import dev.tusk.queue.domain.QueueWorkers;
import dev.tusk.queue.spi.Job;
import dev.tusk.queue.spi.JobHandler;
import dev.tusk.queue.spi.JobOutcome;
import dev.tusk.queue.spi.LeaseLostException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a queue's jobs: claims them (committed at once, so others see them running), holds their
 * leases while the handler works, then completes each or counts its failure with a back-off.
 * Woken by the queue's listener (through QueueWakeUps), outside any transaction.
 */
@ApplicationScoped
public class JobRunner implements QueueWorkers {
    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());
    private final OutageLog outage = new OutageLog(LOG, "the job queue's workers");

    @Inject JobStore store;
    @Inject JobHandlers handlers;
    @Inject JobExecution execution;
    @Inject JobFailures failures;
    @Inject QueueSettings settings;
    @Inject DeclaredQueues queues;
    @Inject QueueMetrics metrics;
    @Inject Leases leases;
    @Inject JobDispatcher dispatcher;

    /**
     * Runs the queue's runnable jobs until none is left or {@code queue.jobs_per_wakeup} have
     * run (then it sends the next wake-up itself): one wake-up serves a backlog. The first claim
     * takes one job; each next takes as many as the backlog the last one saw leaves each of the
     * queue's workers, up to {@code queue.claim_batch}, so that a worker never sits on jobs an
     * idle one could run. The jobs of a claim are leased at once and run one after the other.
     */
    /**
     * A wake-up of the queue's workers: drains it. While the job store's database is unreachable
     * the wake-up is dropped with one WARNING for the outage (the sweep sends wake-ups again for
     * the runnable jobs once it is back); any other failure is thrown, so the broker redelivers.
     */
    @Override
    public void wakeUp(String queue) {
        outage.run(() -> drain(queue));
    }

    public void drain(String queue) {
        int workers = queues.workers(queue);
        int batch = settings.claimBatch();
        int ran = 0;
        int take = 1;
        while (ran < settings.jobsPerWakeUp()) {
            UUID worker = UUID.randomUUID();
            JobStore.Claimed claimed = store.claim(queue, worker, Math.min(take, settings.jobsPerWakeUp() - ran), batch * workers);
            if (claimed.jobs().isEmpty()) {
                return;
            }
            List<Leases.Lease> held = claimed.jobs().stream().map(job -> leases.take(job, worker)).toList();
            try {
                for (Leases.Lease lease : held) {
                    run(lease);
                }
            } finally {
                // after an Error, the jobs it kept from running stop heartbeating: the sweep requeues them
                held.forEach(leases::release);
            }
            ran += held.size();
            take = (int) Math.max(1, Math.min(batch, claimed.backlog() / workers));
        }
        // stopped at the limit, not for want of jobs: the next wake-up carries on
        dispatcher.dispatch(queue, 1, Duration.ZERO);
    }

    private void run(Leases.Lease lease) {
        Job job = lease.job();
        Instant started = Instant.now();
        metrics.started(job.queue(), job.attempt() == 1 ? Duration.between(job.queuedAt(), started) : Duration.ZERO);
        try {
            JobHandler handler = handlers.forType(job.type())
                    .orElseThrow(() -> new IllegalStateException("no handler for job type " + job.type()));
            JobOutcome outcome = execution.attempt(handler, lease, lease.worker());
            metrics.finished(job.queue(), outcome == JobOutcome.ABORT ? "aborted" : "succeeded", Duration.between(started, Instant.now()));
        } catch (LeaseLostException e) {
            metrics.finished(job.queue(), "lease_lost", Duration.between(started, Instant.now()));
            LOG.warning(() -> e.getMessage() + ": its work was rolled back");
        } catch (Exception e) {
            recordFailure(job, lease.worker(), e);
            metrics.finished(job.queue(), "retried", Duration.between(started, Instant.now()));
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
