package dev.tusk.queue.application;

import dev.tusk.queue.domain.JobDispatcher;
import dev.tusk.queue.domain.JobQueues;
import dev.tusk.queue.domain.JobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.UUID;

/**
 * Pushes jobs. The row and its wake-up join the caller's transaction: a job pushed in a
 * transaction that rolls back never runs, and one that commits is never lost.
 */
@ApplicationScoped
public class JobQueue {

    /** What a push did. */
    public enum Pushed { QUEUED, ALREADY_QUEUED }

    @Inject
    JobStore store;
    @Inject
    JobDispatcher dispatcher;
    @Inject
    QueueSettings settings;
    @Inject
    QueueMetrics metrics;

    /**
     * @param arguments the job's arguments, a JSON value
     * @param uniqueKey null, or a key that no other queued or running job may hold
     */
    @Transactional
    public Pushed push(String queue, String type, String arguments, String uniqueKey) {
        JobQueues.require(queue);
        if (!store.insert(UUID.randomUUID(), queue, type, arguments, uniqueKey, settings.retries())) {
            return Pushed.ALREADY_QUEUED;
        }
        dispatcher.dispatch(queue, 1, Duration.ZERO);
        metrics.pushed(queue);
        return Pushed.QUEUED;
    }
}
