package dev.tusk.queue.application;

import dev.tusk.queue.domain.JobDispatcher;
import dev.tusk.queue.domain.JobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** What operators do to the queue: look at its lengths, retry or drop failed jobs. */
@ApplicationScoped
public class QueueAdministration {

    @Inject JobStore store;
    @Inject JobDispatcher dispatcher;
    @Inject QueueSettings settings;

    public Map<String, JobStore.Lengths> lengths() {
        return store.lengths();
    }

    /** @return false when there is no such failed job, or its unique key is queued again */
    @Transactional
    public boolean retryFailed(UUID id) {
        return store.retryFailed(id, settings.retries()).map(queue -> {
            dispatcher.dispatch(queue, 1, Duration.ZERO);
            return true;
        }).orElse(false);
    }

    public boolean deleteFailed(UUID id) {
        return store.deleteFailed(id);
    }
}
