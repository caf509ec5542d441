package dev.tusk.queue.domain;

import dev.tusk.queue.spi.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where jobs live. Each method is one atomic step of a job's life. */
public interface JobStore {

    /** @return false when a job with the same unique key is already queued or running */
    boolean insert(UUID id, String queue, String type, String arguments, String uniqueKey, int retries);

    /**
     * Takes up to {@code most} of the oldest runnable jobs of the queue for {@code worker},
     * skipping ones others hold, and counts (up to {@code countUpTo}) the runnable jobs there
     * were, so that the caller can judge how many to take next time.
     */
    Claimed claim(String queue, UUID worker, int most, int countUpTo);

    /** Jobs claimed, oldest first, and the runnable jobs counted as they were claimed (0 if none were). */
    record Claimed(List<Job> jobs, long backlog) {
    }

    /**
     * Renews the leases of running jobs, job id to worker.
     *
     * @return the jobs still held; the others' leases are lost
     */
    java.util.Set<UUID> heartbeat(Map<UUID, UUID> leases);

    /** Removes a finished (or aborted) job. @return false when the lease was lost */
    boolean complete(UUID job, UUID worker);

    /** What became of a failed attempt. */
    enum Failure { RETRY_SCHEDULED, FAILED_FOR_GOOD, LEASE_LOST }

    /**
     * Counts a failed attempt: back to {@code new} after {@code backoff}, or, with no retries
     * left, moved to the failed record.
     */
    Failure fail(UUID job, UUID worker, String error, Duration backoff);

    /** Puts running jobs whose heartbeat is older than {@code cutoff} back to new. @return their queues */
    List<String> requeueStale(Instant cutoff);

    /** Jobs of the queue that could run now and were queued before {@code queuedBefore}. */
    long runnable(String queue, Instant queuedBefore);

    /** A queue's jobs: waiting (new), running, and kept after failing for good. */
    record Lengths(long waiting, long running, long failed) {
        public static final Lengths NONE = new Lengths(0, 0, 0);
    }

    /** Per queue that has any job. */
    Map<String, Lengths> lengths();

    /** Moves a failed job back into its queue with fresh retries. @return its queue, empty if unknown */
    Optional<String> retryFailed(UUID id, int retries);

    boolean deleteFailed(UUID id);
}
