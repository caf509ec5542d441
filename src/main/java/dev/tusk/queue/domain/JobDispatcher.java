package dev.tusk.queue.domain;

import java.time.Duration;

/**
 * Wakes a queue's workers. A woken worker runs the queue's runnable jobs until none is left (or
 * its per-wake-up limit), so a wake-up is needed only while fewer are due than the queue has
 * workers: the dispatcher may leave out one for which enough are already due.
 */
public interface JobDispatcher {

    /** Sends {@code count} wake-ups to the queue, delivered after {@code delay}, in the caller's transaction. */
    void dispatch(String queue, int count, Duration delay);

    /** Wake-ups sent to the queue and not yet consumed (counted up to {@code limit}). */
    int inFlight(String queue, int limit);
}
