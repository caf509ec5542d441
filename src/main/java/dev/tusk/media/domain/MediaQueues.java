package dev.tusk.media.domain;

/**
 * The media service's job queues (pict-rs's two), each with its own workers so that a slow queue
 * cannot starve the other: {@code process} (ingests, variants) and {@code cleanup}. Declared to
 * the queue engine with their listeners (media's infrastructure).
 */
public final class MediaQueues {
    public static final String PROCESS = "process";
    public static final String CLEANUP = "cleanup";

    private MediaQueues() {
    }
}
