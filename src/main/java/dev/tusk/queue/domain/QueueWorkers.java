package dev.tusk.queue.domain;

/** A queue's workers, as a wake-up reaches them. */
public interface QueueWorkers {

    /** Runs the queue's runnable jobs (JobRunner: until none is left or its per-wake-up limit). */
    void wakeUp(String queue);
}
