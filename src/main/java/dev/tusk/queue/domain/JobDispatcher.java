package dev.tusk.queue.domain;

import java.time.Duration;

/** Wakes a queue's workers: one wake-up claims at most one job. */
public interface JobDispatcher {

    /** Sends {@code count} wake-ups to the queue, delivered after {@code delay}, in the caller's transaction. */
    void dispatch(String queue, int count, Duration delay);

    /** Wake-ups sent to the queue and not yet consumed (counted up to {@code limit}). */
    int inFlight(String queue, int limit);
}
