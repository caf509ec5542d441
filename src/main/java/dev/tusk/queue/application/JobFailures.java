package dev.tusk.queue.application;

import dev.tusk.queue.domain.JobDispatcher;
import dev.tusk.queue.domain.JobStore;
import dev.tusk.queue.spi.Job;
import dev.tusk.queue.spi.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Counts a failed attempt and, when the job will run again, sends its delayed wake-up; when it
 * will not, lets its handler have a last word: one transaction.
 */
@ApplicationScoped
public class JobFailures {

    @Inject JobStore store;
    @Inject JobDispatcher dispatcher;

    @Transactional
    public JobStore.Failure record(Job job, UUID worker, String reason, Duration backoff, Optional<JobHandler> handler) {
        JobStore.Failure failure = store.fail(job.id(), worker, reason, backoff);
        if (failure == JobStore.Failure.RETRY_SCHEDULED) {
            dispatcher.dispatch(job.queue(), 1, backoff);
        } else if (failure == JobStore.Failure.FAILED_FOR_GOOD) {
            handler.ifPresent(h -> h.failedForGood(job, reason));
        }
        return failure;
    }
}
