package dev.tusk.queue.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Read-only views of the queue for operators. */
public interface JobBrowser {

    /** A job being run. */
    record RunningJob(UUID id, String queue, String type, UUID worker, Instant heartbeat, int attempt) {
    }

    /** A job kept after its last failed attempt. */
    record FailedJob(UUID id, String queue, String type, int attempts, String lastError, Instant failedAt) {
    }

    List<RunningJob> running(int limit);

    List<FailedJob> failed(int limit);

    /**
     * Which of {@code values} an argument named {@code argument} of a job still holds: one
     * queued, running, or kept after failing (an operator may retry it).
     */
    java.util.Set<String> held(String argument, java.util.Collection<String> values);
}
