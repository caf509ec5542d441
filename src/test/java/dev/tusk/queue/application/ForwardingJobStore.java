package dev.tusk.queue.application;

import dev.tusk.queue.domain.JobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A JobStore that hands every call to another: a test overrides the calls it watches. */
class ForwardingJobStore implements JobStore {
    private final JobStore store;

    ForwardingJobStore(JobStore store) {
        this.store = store;
    }

    @Override
    public boolean insert(UUID id, String queue, String type, String arguments, String uniqueKey, int retries) {
        return store.insert(id, queue, type, arguments, uniqueKey, retries);
    }

    @Override
    public Claimed claim(String queue, UUID worker, int most, int countUpTo) {
        return store.claim(queue, worker, most, countUpTo);
    }

    @Override
    public Set<UUID> heartbeat(Map<UUID, UUID> leases) {
        return store.heartbeat(leases);
    }

    @Override
    public boolean complete(UUID job, UUID worker) {
        return store.complete(job, worker);
    }

    @Override
    public Failure fail(UUID job, UUID worker, String error, Duration backoff) {
        return store.fail(job, worker, error, backoff);
    }

    @Override
    public List<String> requeueStale(Instant cutoff) {
        return store.requeueStale(cutoff);
    }

    @Override
    public long runnable(String queue, Instant queuedBefore) {
        return store.runnable(queue, queuedBefore);
    }

    @Override
    public Map<String, Lengths> lengths() {
        return store.lengths();
    }

    @Override
    public Optional<String> retryFailed(UUID id, int retries) {
        return store.retryFailed(id, retries);
    }

    @Override
    public boolean deleteFailed(UUID id) {
        return store.deleteFailed(id);
    }
}
